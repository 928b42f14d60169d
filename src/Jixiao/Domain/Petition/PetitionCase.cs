namespace Jixiao.Domain.Petition;

// The petitioner's evaluation of how the case was handled (国信发〔2022〕11号: 满意 / 基本满意 / 不满意).
public enum PetitionEvaluation { Satisfied, BasicallySatisfied, Dissatisfied }

// One row of a petition ledger (信访事项台账): a PetitionCase. The columns a real ledger has and what
// each means here:
// - Number          信访件编号 / 事项编号: how the unit finds the case again; never a person.
// - Registered      登记日期: the day the letter, visit or online petition was registered (收到之日).
// - Accepted        受理日期: the day it was accepted; 第三十四条 counts handling "自受理之日起".
//                   Optional: without it the handling period is counted from Registered (the stricter start).
// - NotAccepted     受理情况 = 不予受理 / 不再受理: a written notice is still owed (第二十三条), but
//                   there is nothing to handle, so the case is not due for closing.
// - Notified        告知日期: the written notice of acceptance (or refusal) went to the petitioner.
// - LedgerDue       应办结日期 as the ledger writes it: shown and compared, never trusted over the law.
// - ExtensionDays   延期天数: days of extension granted; ExtensionApproved (延期审批) says whether the unit's
//                   head approved it. At most 30 (第三十四条); more is itself a breach.
// - Closed          办结日期 / 答复日期: the written answer (处理意见书) went out.
// - Evaluated       是否评价; Evaluation 评价结果. A result implies the case was evaluated.
// - Repeat          重复信访: marked in the ledger, or found by the reader from the same petitioner
//                   (and matter) registered earlier. The petitioner's name and phone are never kept:
//                   the reader turns them into this flag and forgets them.
public sealed record PetitionCase
{
    public string Number { get; init; } = "";
    public DateOnly Registered { get; init; }
    public DateOnly? Accepted { get; init; }
    public bool NotAccepted { get; init; }
    public DateOnly? Notified { get; init; }
    public DateOnly? LedgerDue { get; init; }
    public int ExtensionDays { get; init; }
    public bool ExtensionApproved { get; init; } = true;
    public DateOnly? Closed { get; init; }
    public bool Evaluated { get; init; }
    public PetitionEvaluation? Evaluation { get; init; }
    public bool Repeat { get; init; }
    // Where the case stands in the file (Sheet1!第7行 / 第7行), for every message about it.
    public string Where { get; init; } = "";

    public bool HasEvaluation => Evaluated || Evaluation != null;

    // The day the handling period starts (第三十四条 "自受理之日起"; the registration day when the
    // ledger has no acceptance date).
    public DateOnly HandlingStart => Accepted ?? Registered;
}

// Local practice the rules leave open (domain.md section 7: "满意度 indicators follow local practice").
public sealed record PetitionRules
{
    // Whether 基本满意 counts as satisfied in 参评群众满意率. Default false: 国信发〔2022〕11号 counts
    // "满意" evaluations; a region that counts 基本满意 too sets Petition__CountBasicallySatisfied=true.
    public bool CountBasicallySatisfied { get; init; }

    public static PetitionRules Default { get; } = new();
}
