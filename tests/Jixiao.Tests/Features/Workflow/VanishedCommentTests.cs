using System.Data.Common;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Jixiao.Data;
using Jixiao.Features.Workflow;
using Jixiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Tests.Features.Workflow;

// An answer or a resolve for a review comment that no longer exists: gone before the request came (a page
// left open while the comment was deleted), or deleted between the handler's read and its write. Either way
// a 409 with the reason in Chinese (the project page: the reason in its review panel), never a 500 and never
// "the project was changed by someone else".
public class VanishedCommentTests
{
    // Once armed, deletes the comment right after the handler has read it, from a connection of its own that
    // commits at once, as another request would in between; then counts the updates of comments that follow
    // (one: the handler's, which finds no row).
    sealed class DeleteAfterRead(TestDatabase database) : DbCommandInterceptor
    {
        public int? Armed;
        public int Updates;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Count(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        void Count(DbCommand command)
        {
            if (command.CommandText.Contains("UPDATE \"ReviewComments\"")) Updates++;
        }

        public override InterceptionResult DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
        {
            Vanish(command);
            return base.DataReaderClosing(command, eventData, result);
        }

        public override ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
        {
            Vanish(command);
            return base.DataReaderClosingAsync(command, eventData, result);
        }

        public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
        {
            Vanish(command);
            return base.DataReaderDisposing(command, eventData, result);
        }

        void Vanish(DbCommand command)
        {
            if (Armed is not int id || !command.CommandText.TrimStart().StartsWith("SELECT") || !command.CommandText.Contains("FROM \"ReviewComments\"")) return;
            Armed = null;
            using var connection = database.CreateConnection();
            connection.Open();
            using var delete = connection.CreateCommand();
            delete.CommandText = $"DELETE FROM \"ReviewComments\" WHERE \"Id\" = {id}";
            Assert.Equal(1, delete.ExecuteNonQuery());
        }
    }

    static async Task<HttpResponseMessage> Post(HttpClient client, int id, string handler, int commentId, bool json, string? answer = null,
        DeleteAfterRead? vanish = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["commentId"] = commentId.ToString(),
            ["__RequestVerificationToken"] = TestApp.AntiforgeryToken(await client.GetStringAsync($"/Projects/{id}")),
        };
        if (answer != null) fields["answer"] = answer;
        var request = new HttpRequestMessage(HttpMethod.Post, $"/Projects/{id}/Steps?handler={handler}") { Content = new FormUrlEncodedContent(fields) };
        if (json) request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (vanish != null)
        {
            // Armed only now: the project page read above shows the comment too.
            vanish.Armed = commentId;
            vanish.Updates = 0;
        }
        return await client.SendAsync(request);
    }

    static async Task<string> Error(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString()!;

    [Theory, MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Answering_or_resolving_a_comment_that_is_gone_says_so_with_409(string provider)
    {
        await using var db = await TestDatabase.Create(provider);
        var vanish = new DeleteAfterRead(db);
        await using var app = await TestApp.Start(db, demo: true, configure: b =>
        {
            if (provider == "sqlite") b.Services.ConfigureDbContext<SqliteJixiaoDb>((_, o) => o.AddInterceptors(vanish));
            else b.Services.ConfigureDbContext<PostgresJixiaoDb>((_, o) => o.AddInterceptors(vanish));
        });
        var id = await app.Db(d => d.Projects.Where(p => p.BudgetUnit!.Name == "东城区信访局").OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var ids = await app.Db(async d =>
        {
            var made = Enumerable.Range(1, 6).Select(i => new ReviewComment
            {
                ProjectId = id, Version = 1, Text = $"意见{i}", Author = "supervisor", AuthorName = "赵磊（区政府办公室）", Utc = DateTime.UtcNow,
            }).ToList();
            d.ReviewComments.AddRange(made);
            await d.SaveChangesAsync();
            return made.Select(c => c.Id).ToList();
        });
        var preparer = await app.SignedIn("east-preparer");

        // Deleted between the read and the write, from the editor (JSON) and from the project page (form post).
        foreach (var (handler, commentId, json) in new[] { ("Answer", ids[0], true), ("Resolve", ids[1], true), ("Answer", ids[2], false), ("Resolve", ids[3], false) })
        {
            var response = await Post(preparer, id, handler, commentId, json, handler == "Answer" ? "已修改" : null, vanish);
            // Deleted after the handler read it; its update ran and found no row.
            Assert.Null(vanish.Armed);
            Assert.Equal(1, vanish.Updates);
            if (json)
            {
                Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
                Assert.Equal(StepsModel.CommentGone, await Error(response));
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal($"/Projects/{id}", response.RequestMessage!.RequestUri!.AbsolutePath);
                var page = await response.Content.ReadAsStringAsync();
                Assert.Contains("该审核意见已不存在（可能已被删除），您的操作未保存", page);
                Assert.DoesNotContain("他人同时修改", page);
            }
            Assert.False(await app.Db(d => d.ReviewComments.AnyAsync(c => c.Id == commentId)));
        }

        // Gone before the request came: the same answer, without touching anything.
        await app.Db(d => d.ReviewComments.Where(c => c.Id == ids[4]).ExecuteDeleteAsync());
        foreach (var handler in new[] { "Answer", "Resolve" })
        {
            var response = await Post(preparer, id, handler, ids[4], json: true, handler == "Answer" ? "已修改" : null);
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Equal(StepsModel.CommentGone, await Error(response));
        }

        // A comment still there is answered as before, and another unit still gets 404 for the project.
        var answered = await Post(preparer, id, "Answer", ids[5], json: true, "已修改");
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal("已修改", await app.Db(d => d.ReviewComments.Where(c => c.Id == ids[5]).Select(c => c.Answer).SingleAsync()));
        var west = await app.SignedIn("west-preparer");
        var request = new HttpRequestMessage(HttpMethod.Post, $"/Projects/{id}/Steps?handler=Answer")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["commentId"] = ids[5].ToString(), ["answer"] = "x",
                ["__RequestVerificationToken"] = TestApp.AntiforgeryToken(await west.GetStringAsync("/Desk")),
            }),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        Assert.Equal(HttpStatusCode.NotFound, (await west.SendAsync(request)).StatusCode);
    }
}
