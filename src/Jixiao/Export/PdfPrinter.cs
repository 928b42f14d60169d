using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Jixiao.Export;

// Chromium or a Chinese font is not installed: the message says in Chinese what to install.
public sealed class PrinterMissingException(string message) : Exception(message);

// Prints the print view's HTML to PDF with headless Chromium through the DevTools protocol.
// One browser is started on the first document and reused for every document after it (each document
// gets its own tab, closed after printing); it is shut down when the printer is disposed, which the web
// app does at shutdown. The protocol runs over one WebSocket: a reader loop hands each answer to the
// call waiting for its id, and each event to whoever waits for it on that tab's session.
public sealed class PdfPrinter : IAsyncDisposable
{
    public const string InstallHint = "apt-get install chromium fonts-noto-cjk";
    static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

    readonly SemaphoreSlim startLock = new(1, 1);
    readonly SemaphoreSlim sendLock = new(1, 1);
    readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> pending = new();
    readonly ConcurrentDictionary<string, TaskCompletionSource<bool>> loads = new();
    readonly string workFolder = Path.Combine(Path.GetTempPath(), "jixiao-print-" + Guid.NewGuid().ToString("N"));
    Process? browser;
    ClientWebSocket? socket;
    Task? reader;
    int nextId;
    bool disposed;

    // How many documents this browser has printed (the tests check the browser is reused).
    public int Printed { get; private set; }
    public int? BrowserProcessId => browser is { HasExited: false } b ? b.Id : null;

    public static string? FindChromium()
    {
        var configured = Environment.GetEnvironmentVariable("JIXIAO_CHROMIUM");
        if (!string.IsNullOrWhiteSpace(configured)) return File.Exists(configured) ? configured : null;
        return Candidates.FirstOrDefault(File.Exists);
    }

    // A font fontconfig offers for Chinese; without one Chromium prints empty boxes.
    public static bool HasChineseFont()
    {
        try
        {
            using var fc = Process.Start(new ProcessStartInfo("fc-list", ":lang=zh family") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false });
            if (fc == null) return false;
            var text = fc.StandardOutput.ReadToEnd();
            fc.WaitForExit(10_000);
            return text.Trim().Length > 0;
        }
        catch (System.ComponentModel.Win32Exception) { return false; }
    }

    // The reason PDF cannot be made here, in Chinese, or null when it can.
    public static string? MissingReason()
    {
        if (FindChromium() == null) return $"未找到 Chromium 浏览器，无法生成 PDF。请安装：{InstallHint}";
        if (!HasChineseFont()) return $"未找到中文字体，PDF 中的汉字将无法显示。请安装：{InstallHint}";
        return null;
    }

    // Books at least this heavy (in table cells, about 25 projects) print as untagged PDF. Chromium's tagging
    // (the accessibility structure tree: 107,000 objects, 12 MB for the 500-project book) grew faster than the
    // pages and doubled the book's print time; single forms stay tagged for screen readers, where it costs little.
    public int TagBelow { get; init; } = 3000;

    // The document is loaded on screen before it is printed; laying the whole book out for the screen too was
    // wasted (about 2 of 11 s for 500 projects). Hidden on screen, it is styled and laid out once, for print.
    public const string ScreenHidden = "@media screen { main.sheet { display: none; } }\n";

    public async Task<byte[]> PrintAsync(DocBook book, CancellationToken ct = default)
    {
        await EnsureStartedAsync(ct);
        var pdf = await PrintHtmlAsync(book, tagged: PageNumbers.Weight(book) < TagBelow, ct);
        Printed++;
        return pdf;
    }

    // One document to PDF in a tab of its own browser context. The page numbers are CSS page-margin boxes in a
    // stylesheet of this document's own (its footer text), laid out with the pages: Chromium's footer template
    // is a document of its own per page (827 of them made a book 18 MB and slow).
    async Task<byte[]> PrintHtmlAsync(DocBook book, bool tagged, CancellationToken ct)
    {
        await EnsureStartedAsync(ct);
        // The stylesheets sit beside the file in the work folder.
        var name = Guid.NewGuid().ToString("N");
        var file = Path.Combine(workFolder, name + ".html");
        var pageCss = Path.Combine(workFolder, name + ".page.css");
        await File.WriteAllTextAsync(pageCss, PageNumbers.Css(book.Footer) + ScreenHidden, Encoding.UTF8, ct);
        await File.WriteAllTextAsync(file, HtmlWriter.Write(book, "print.css", pageStylesheetHref: name + ".page.css"), Encoding.UTF8, ct);
        string? targetId = null, context = null;
        // JIXIAO_PRINT_TRACE=1: where a document's time goes (loaded, printed, read back), on stderr.
        var trace = Environment.GetEnvironmentVariable("JIXIAO_PRINT_TRACE") == "1" ? Stopwatch.StartNew() : null;
        try
        {
            context = (await CallAsync("Target.createBrowserContext", new JsonObject(), null, ct))["browserContextId"]!.GetValue<string>();
            targetId = (await CallAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank", ["browserContextId"] = context }, null, ct))["targetId"]!.GetValue<string>();
            var session = (await CallAsync("Target.attachToTarget", new JsonObject { ["targetId"] = targetId, ["flatten"] = true }, null, ct))["sessionId"]!.GetValue<string>();
            await CallAsync("Page.enable", new JsonObject(), session, ct);
            var loaded = loads.GetOrAdd(session, _ => new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
            await CallAsync("Page.navigate", new JsonObject { ["url"] = new Uri(file).AbsoluteUri }, session, ct);
            await loaded.Task.WaitAsync(TimeSpan.FromMinutes(5), ct);
            if (trace != null) Console.Error.WriteLine($"print: loaded at {trace.Elapsed.TotalSeconds:0.00} s");
            var options = new JsonObject
            {
                ["printBackground"] = true,
                ["preferCSSPageSize"] = true,
                ["displayHeaderFooter"] = false,
                ["generateTaggedPDF"] = tagged,
                ["transferMode"] = "ReturnAsStream",
            };
            var result = await CallAsync("Page.printToPDF", options, session, ct);
            if (trace != null) Console.Error.WriteLine($"print: printed at {trace.Elapsed.TotalSeconds:0.00} s");
            var pdf = await ReadStreamAsync(result["stream"]!.GetValue<string>(), session, ct);
            if (trace != null) Console.Error.WriteLine($"print: read back at {trace.Elapsed.TotalSeconds:0.00} s ({pdf.Length / 1024} KB)");
            loads.TryRemove(session, out _);
            return pdf;
        }
        finally
        {
            if (socket?.State == WebSocketState.Open)
                try
                {
                    if (targetId != null) await CallAsync("Target.closeTarget", new JsonObject { ["targetId"] = targetId }, null, CancellationToken.None);
                    if (context != null) await CallAsync("Target.disposeBrowserContext", new JsonObject { ["browserContextId"] = context }, null, CancellationToken.None);
                }
                catch (Exception e) when (e is WebSocketException or InvalidOperationException or TimeoutException) { }
            File.Delete(file);
            File.Delete(pageCss);
        }
    }

    async Task<byte[]> ReadStreamAsync(string handle, string session, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        while (true)
        {
            var chunk = await CallAsync("IO.read", new JsonObject { ["handle"] = handle, ["size"] = 4 * 1024 * 1024 }, session, ct);
            var data = chunk["data"]?.GetValue<string>() ?? "";
            var bytes = chunk["base64Encoded"]?.GetValue<bool>() == true ? Convert.FromBase64String(data) : Encoding.Latin1.GetBytes(data);
            buffer.Write(bytes);
            if (chunk["eof"]?.GetValue<bool>() == true) break;
        }
        await CallAsync("IO.close", new JsonObject { ["handle"] = handle }, session, ct);
        return buffer.ToArray();
    }

    async Task EnsureStartedAsync(CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (socket?.State == WebSocketState.Open && browser is { HasExited: false }) return;
        await startLock.WaitAsync(ct);
        try
        {
            if (socket?.State == WebSocketState.Open && browser is { HasExited: false }) return;
            await StopAsync();
            if (MissingReason() is { } reason) throw new PrinterMissingException(reason);
            Directory.CreateDirectory(workFolder);
            await using (var css = typeof(PdfPrinter).Assembly.GetManifestResourceStream("Jixiao.print.css")!)
            await using (var copy = File.Create(Path.Combine(workFolder, "print.css")))
                await css.CopyToAsync(copy, ct);
            var start = new ProcessStartInfo(FindChromium()!)
            {
                RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
            };
            foreach (var arg in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-extensions", "--hide-scrollbars", "--mute-audio",
                "--allow-file-access-from-files", "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1",
                "--user-data-dir=" + Path.Combine(workFolder, "profile"), "about:blank",
            }) start.ArgumentList.Add(arg);
            browser = Process.Start(start) ?? throw new PrinterMissingException($"无法启动 Chromium。请安装：{InstallHint}");
            browser.OutputDataReceived += (_, _) => { };
            browser.BeginOutputReadLine();
            // Chromium announces its DevTools address on stderr; the rest of stderr (dbus noise) is drained.
            var endpoint = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            browser.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is { } line && line.StartsWith("DevTools listening on ", StringComparison.Ordinal))
                    endpoint.TrySetResult(line["DevTools listening on ".Length..].Trim());
            };
            browser.EnableRaisingEvents = true;
            browser.Exited += (_, _) => endpoint.TrySetException(new PrinterMissingException($"Chromium 启动后立即退出，无法生成 PDF。请检查安装：{InstallHint}"));
            browser.BeginErrorReadLine();
            var url = await endpoint.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
            socket = new ClientWebSocket();
            socket.Options.KeepAliveInterval = TimeSpan.Zero;
            await socket.ConnectAsync(new Uri(url), ct);
            reader = Task.Run(ReadLoopAsync, CancellationToken.None);
        }
        finally { startLock.Release(); }
    }

    async Task<JsonObject> CallAsync(string method, JsonObject parameters, string? session, CancellationToken ct)
    {
        var id = Interlocked.Increment(ref nextId);
        var answer = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = answer;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
        if (session != null) message["sessionId"] = session;
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        await sendLock.WaitAsync(ct);
        try { await socket!.SendAsync(bytes, WebSocketMessageType.Text, true, ct); }
        finally { sendLock.Release(); }
        var reply = await answer.Task.WaitAsync(TimeSpan.FromMinutes(5), ct);
        if (reply["error"] is JsonObject error)
            throw new InvalidOperationException($"Chromium {method}: {error["message"]}");
        return reply["result"] as JsonObject ?? new JsonObject();
    }

    async Task ReadLoopAsync()
    {
        var buffer = new byte[256 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (socket is { State: WebSocketState.Open } s)
            {
                var got = await s.ReceiveAsync(buffer, CancellationToken.None);
                if (got.MessageType == WebSocketMessageType.Close) break;
                message.Write(buffer, 0, got.Count);
                if (!got.EndOfMessage) continue;
                var node = JsonNode.Parse(message.GetBuffer().AsSpan(0, (int)message.Length)) as JsonObject;
                message.SetLength(0);
                if (node == null) continue;
                if (node["id"] is JsonNode idNode && pending.TryRemove(idNode.GetValue<int>(), out var waiter)) waiter.TrySetResult(node);
                else if (node["method"]?.GetValue<string>() == "Page.loadEventFired" && node["sessionId"]?.GetValue<string>() is { } session
                         && loads.TryGetValue(session, out var load)) load.TrySetResult(true);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException) { }
        foreach (var (_, waiter) in pending) waiter.TrySetException(new InvalidOperationException("Chromium 已断开"));
    }

    async Task StopAsync()
    {
        if (socket != null)
        {
            try
            {
                if (socket.State == WebSocketState.Open)
                {
                    var close = Encoding.UTF8.GetBytes(new JsonObject { ["id"] = Interlocked.Increment(ref nextId), ["method"] = "Browser.close" }.ToJsonString());
                    await socket.SendAsync(close, WebSocketMessageType.Text, true, CancellationToken.None);
                }
            }
            catch (WebSocketException) { }
            socket.Dispose();
            socket = null;
        }
        if (reader != null) await Task.WhenAny(reader, Task.Delay(2000));
        if (browser != null)
        {
            if (!browser.WaitForExit(3000)) try { browser.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            browser.Dispose();
            browser = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed) return;
        disposed = true;
        await StopAsync();
        try { if (Directory.Exists(workFolder)) Directory.Delete(workFolder, recursive: true); }
        catch (IOException) { }
    }
}
