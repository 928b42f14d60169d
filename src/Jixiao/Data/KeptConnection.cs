using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jixiao.Data;

// A context of the application keeps its connection from its first command until it goes back to the pool.
// Left to itself, EF opens and closes the connection around every query: on SQLite each opening takes the
// connection pool's lock and registers EF's functions again, and at 50 users a page spent more time
// waiting there than working. Opened at the first command rather than for every request, so that a page
// whose figures are all kept (ListCache, ProjectViews) takes no connection at all.
public sealed class KeptConnection : DbCommandInterceptor
{
    public override DbCommand CommandCreated(CommandEndEventData eventData, DbCommand result)
    {
        // EF has opened the connection for this command: opening it once more keeps it open after it.
        if (eventData.Context is JixiaoDb { KeepsConnection: false } db)
        {
            db.KeepsConnection = true;
            db.Database.OpenConnection();
        }
        return result;
    }
}
