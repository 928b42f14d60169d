using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Jixiao.Data;
using Jixiao.Forms;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Ledger;

// The demo workspace's petition ledger: 东城区信访局's 2026 register, saved as if its preparer had
// uploaded it. Written like a real ledger (numbers 东信访〔2026〕NNN号, forms of petition, matters), with a
// few cases that broke a limit (a notice on day 16, answers on day 62 and 95, an extension of 45 days,
// a case still open long past its day 60, a due date written past the legal one) and one row whose date
// cannot be read.
public static class LedgerDemo
{
    const string Unit = "东城区信访局";
    const string FileName = "东城区信访局2026年信访事项台账.csv";

    public const string Csv =
        "东城区信访局2026年信访事项台账\n" +
        "信访件编号,信访形式,问题类别,登记日期,受理情况,受理日期,告知日期,应办结日期,延期天数,延期审批,办结日期,是否评价,评价结果,是否重复信访\n" +
        "东信访〔2026〕001号,来访,征地拆迁,2026-01-05,受理,2026-01-06,2026-01-12,2026-03-07,,,2026-02-28,是,满意,否\n" +
        "东信访〔2026〕002号,来信,劳动社保,2026-01-09,受理,2026-01-10,2026-01-20,2026-03-11,,,2026-03-02,是,基本满意,否\n" +
        "东信访〔2026〕003号,网上,城建管理,2026-01-15,受理,2026-01-15,2026-01-30,2026-03-16,,,2026-03-16,是,满意,否\n" +
        "东信访〔2026〕004号,来访,物业纠纷,2026-01-20,受理,2026-01-21,2026-02-05,2026-03-22,,,2026-03-10,是,不满意,否\n" +
        "东信访〔2026〕005号,来信,医疗卫生,2026-02-03,不予受理,,2026-02-10,,,,,否,,否\n" +
        "东信访〔2026〕006号,网上,城建管理,2026-02-10,受理,2026-02-11,2026-02-20,2026-05-12,30,是,2026-05-08,是,满意,否\n" +
        "东信访〔2026〕007号,来访,征地拆迁,2026-02-16,受理,2026-02-17,2026-02-26,2026-04-18,,,2026-04-20,是,不满意,是\n" +
        "东信访〔2026〕008号,网上,交通出行,2026-03-02,受理,2026-03-03,2026-03-10,2026-05-02,,,2026-04-15,是,满意,否\n" +
        "东信访〔2026〕009号,来信,劳动社保,2026-03-09,受理,2026-03-10,2026-03-18,2026-05-09,,,2026-05-06,否,,否\n" +
        "东信访〔2026〕010号,来访,住房保障,2026-03-16,受理,2026-03-17,2026-03-25,2026-06-30,45,是,2026-06-20,是,不满意,否\n" +
        "东信访〔2026〕011号,网上,城建管理,2026-04-01,受理,2026-04-02,2026-04-09,2026-06-01,,,2026-05-20,是,满意,否\n" +
        "东信访〔2026〕012号,来信,教育,2026-04-13,受理,2026-04-14,2026-04-22,2026-06-13,,,2026-06-05,是,满意,否\n" +
        "东信访〔2026〕013号,来访,征地拆迁,2026-05-06,受理,2026-05-07,2026-05-14,2026-07-06,,,2026-07-01,是,基本满意,是\n" +
        "东信访〔2026〕014号,网上,环境保护,2026-05-18,受理,2026-05-19,2026-05-26,2026-07-18,,,2026-07-10,是,满意,否\n" +
        "东信访〔2026〕015号,来信,劳动社保,2026-06-02,受理,2026-06-03,2026-06-12,2026-08-02,,,2026-07-28,否,,否\n" +
        "东信访〔2026〕016号,网上,交通出行,2026-06-15,受理,2026-06-16,2026-06-24,2026-08-15,,,2026-08-10,是,满意,否\n" +
        "东信访〔2026〕017号,来访,物业纠纷,2026-07-06,受理,2026-07-07,2026-07-15,2026-09-25,20,是,2026-09-20,是,满意,否\n" +
        "东信访〔2026〕018号,来信,医疗卫生,2026-07-20,受理,2026-07-21,2026-07-30,2026-09-19,,,,,,否\n" +
        "东信访〔2026〕019号,网上,城建管理,2026-08-10,受理,2026-08-11,2026-08-18,2026-10-10,,,2026-09-30,是,满意,否\n" +
        "东信访〔2026〕020号,来访,住房保障,2026-09-07,受理,2026-09-08,2026-09-15,2026-11-07,,,2026-10-30,是,满意,否\n" +
        "东信访〔2026〕021号,网上,环境保护,2026-09-21,受理,2026-09-22,2026-09-29,2026-11-21,,,2026-11-18,否,,否\n" +
        "东信访〔2026〕022号,来信,劳动社保,2026-10-08,受理,2026-10-09,2026.10.16,2026-12-08,,,2026-11-31,是,满意,否\n" +
        "合计,22件,,,,,,,,,,,,\n";

    // Loaded when missing, like the rest of the demo.
    public static async Task LoadAsync(JixiaoDb db, int year, TextWriter console)
    {
        var unit = await db.BudgetUnits.FirstOrDefaultAsync(u => u.Name == Unit);
        if (unit == null || await db.PetitionLedgers.AnyAsync(l => l.BudgetUnitId == unit.Id && l.Year == year)) return;
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Csv)).ToArray();
        var reading = LedgerReader.Read(TextGrid.Parse(Csv, FileName));
        var now = DateTime.UtcNow;
        db.PetitionLedgers.Add(new PetitionLedgerRecord
        {
            BudgetUnitId = unit.Id, Year = year, Utc = now, UserName = "east-preparer", SavedUtc = now, SavedBy = "张敏（东城区信访局）",
            FileName = FileName, Size = bytes.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), Content = bytes,
            Outcome = LedgerOutcome.Saved, ErrorsJson = JsonSerializer.Serialize(reading.Errors), RowsNotCounted = reading.RowsNotCounted,
            Columns = string.Join("、", reading.Columns), Cases = reading.Cases.Select(PetitionLedgerCase.From).ToList(),
        });
        await db.SaveChangesAsync();
        console.WriteLine($"已载入演示信访事项台账（{Unit}，{reading.Cases.Count} 件）。");
    }
}
