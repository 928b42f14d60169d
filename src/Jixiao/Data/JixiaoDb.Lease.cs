namespace Jixiao.Data;

// The application's contexts are pooled (Database.Register): one context serves many requests in turn.
// What a request keeps on its context is forgotten when the context is given back, before another
// request can get it.
public partial class JixiaoDb
{
    // ListCache: the change stamps as this request read them (read again after every save, SaveChanges).
    internal Task<ChangeStamps.Read>? ListStamp;

    // AuditInterceptor: the save in progress.
    internal readonly AuditInterceptor.SaveState AuditState = new();

    void Forget()
    {
        ListStamp = null;
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
