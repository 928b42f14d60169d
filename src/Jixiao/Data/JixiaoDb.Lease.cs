using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data;

// The application's contexts are pooled (Database.Register): one context serves many requests in turn.
// What a request keeps on its context is forgotten when the context is given back, before another
// request can get it.
public partial class JixiaoDb
{
    // ListCache: the change stamps as this request read them (read again after every save, SaveChanges).
    internal Task<ChangeStamps.Read>? ListStamp;

    // KeptConnection: the connection is held open until the context is given back (which closes it).
    internal bool KeepsConnection;

    // AuditInterceptor: the save in progress.
    internal readonly AuditInterceptor.SaveState AuditState = new();

    void Forget()
    {
        ListStamp = null;
        if (KeepsConnection)
        {
            // Closed here, before the pool's reset: a transaction left unended (a failed save) goes with it,
            // and SQLite's write gate is open again before the context serves anyone else.
            var connection = Database.GetDbConnection();
            connection.Close();
            SqliteWriteGate.Release(connection);
            KeepsConnection = false;
        }
        AuditState.Reset();
    }

    public override void Dispose()
    {
        Forget();
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        Forget();
        return base.DisposeAsync();
    }
}
