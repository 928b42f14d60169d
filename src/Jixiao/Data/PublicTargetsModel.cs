using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data;

// Documents out: the public flag gets a database default, so adding the column to existing projects
// and creating the schema from the model give the same column.
public static class PublicTargetsModel
{
    public static void Configure(ModelBuilder b) =>
        b.Entity<Project>().Property(p => p.MadePublic).HasDefaultValue(false).HasSentinel(true);
}
