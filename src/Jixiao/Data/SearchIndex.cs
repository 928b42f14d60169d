using Jixiao.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data;

// The search index over projects, each engine its own way behind one query: SQLite keeps an FTS5 table
// over the project's search columns (content from Projects, kept by triggers, so every write path feeds
// it); PostgreSQL keeps GIN text-search indexes on the same columns. Both index single-character tokens
// (Domain/SearchText.cs), so a phrase query finds any run of characters.
public static class SearchIndex
{
    public enum In { Projects, Indicators }

    static readonly string[] ProjectColumns = ["SearchName", "SearchInitials", "SearchGoals"];
    static readonly string[] IndicatorColumns = ["SearchIndicators"];

    // PostgreSQL only: on SQLite these would be plain B-tree indexes over long text.
    public static void MapPostgres(ModelBuilder b) =>
        b.Entity<Project>().OwnsOne(x => x.Search, s =>
        {
            s.HasIndex(x => x.Name).HasMethod("GIN").IsTsVectorExpressionIndex("simple");
            s.HasIndex(x => x.Initials).HasMethod("GIN").IsTsVectorExpressionIndex("simple");
            s.HasIndex(x => x.Goals).HasMethod("GIN").IsTsVectorExpressionIndex("simple");
            s.HasIndex(x => x.Indicators).HasMethod("GIN").IsTsVectorExpressionIndex("simple");
        });

    // SQLite: the FTS5 table is no part of EF's model, so it is made here after every migration; made new
    // over a database that already has projects, it is filled from them once.
    public static async Task EnsureSqliteAsync(DbContext db, CancellationToken ct)
    {
        // One transaction: a start killed half-way must never leave the table without its triggers
        // (the index would silently drift from the projects; the crash test caught exactly that).
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var exists = await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE name = 'ProjectSearch'").SingleAsync(ct);
        if (exists > 0) return;
        const string columns = "SearchName, SearchInitials, SearchGoals, SearchIndicators";
        const string old = "old.SearchName, old.SearchInitials, old.SearchGoals, old.SearchIndicators";
        const string @new = "new.SearchName, new.SearchInitials, new.SearchGoals, new.SearchIndicators";
        await db.Database.ExecuteSqlRawAsync($"""
            CREATE VIRTUAL TABLE ProjectSearch USING fts5({columns}, content='Projects', content_rowid='Id', tokenize='unicode61 remove_diacritics 0');
            CREATE TRIGGER ProjectSearch_insert AFTER INSERT ON Projects BEGIN
                INSERT INTO ProjectSearch(rowid, {columns}) VALUES (new.Id, {@new});
            END;
            CREATE TRIGGER ProjectSearch_delete AFTER DELETE ON Projects BEGIN
                INSERT INTO ProjectSearch(ProjectSearch, rowid, {columns}) VALUES ('delete', old.Id, {old});
            END;
            CREATE TRIGGER ProjectSearch_update AFTER UPDATE OF {columns} ON Projects BEGIN
                INSERT INTO ProjectSearch(ProjectSearch, rowid, {columns}) VALUES ('delete', old.Id, {old});
                INSERT INTO ProjectSearch(rowid, {columns}) VALUES (new.Id, {@new});
            END;
            INSERT INTO ProjectSearch(ProjectSearch) VALUES ('rebuild');
            """, ct);
        await tx.CommitAsync(ct);
    }

    // The projects in which every word of the query occurs (in name, code, initials and goals, or in the
    // indicators' names), as a query to scope, sort and page like any other.
    public static IQueryable<Project> Find(JixiaoDb db, IReadOnlyList<string[]> words, In where)
    {
        var columns = where == In.Projects ? ProjectColumns : IndicatorColumns;
        if (words.Count == 0) return db.Projects.Where(p => false);
        if (db.Database.IsNpgsql())
        {
            // One tsquery parameter per word: the tokens in a row (信 <-> 访); each word on any column.
            var clauses = words.Select((_, i) =>
                "(" + string.Join(" OR ", columns.Select(c => $"to_tsvector('simple', \"{c}\") @@ to_tsquery('simple', {{{i}}})")) + ")");
            var sql = "SELECT * FROM \"Projects\" WHERE " + string.Join(" AND ", clauses);
            return db.Projects.FromSqlRaw(sql, words.Select(w => (object)string.Join(" <-> ", w)).ToArray());
        }
        var match = string.Join(" AND ", words.Select(w => $"{{{string.Join(' ', columns)}}} : \"{string.Join(' ', w)}\""));
        return db.Projects.FromSqlRaw(
            "SELECT * FROM \"Projects\" WHERE \"Id\" IN (SELECT rowid FROM \"ProjectSearch\" WHERE \"ProjectSearch\" MATCH {0})", match);
    }
}
