package cn.xianglian.chaincode.party.domain;

import cn.xianglian.chaincode.domain.RegionCode;
import cn.xianglian.chaincode.domain.Require;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/** The JSON arguments of the party contract, checked field by field (INVALID_ARGUMENT). */
public final class PartyCommands {

  /** Most attendance entries a meeting may list. */
  public static final int MAX_ATTENDANCE = 500;

  /** The number of 入党介绍人 a 预备党员 needs (发展党员工作细则). */
  public static final int SPONSORS = 2;

  private static final Pattern MONTH = Pattern.compile("[0-9]{4}-(0[1-9]|1[0-2])");

  private PartyCommands() {}

  static RegionCode requireCounty(String field, RegionCode region) {
    Require.present(field, region);
    Require.argument(region.scope().length() == 6, field + " must be a county code");
    return region;
  }

  /** A month {@code yyyy-MM}. */
  public static YearMonth month(String field, String value) {
    Require.present(field, value);
    Require.argument(MONTH.matcher(value).matches(), field + " must be yyyy-MM");
    try {
      return YearMonth.parse(value);
    } catch (DateTimeParseException e) {
      throw new cn.xianglian.chaincode.domain.XlException(
          cn.xianglian.chaincode.domain.ErrorCode.INVALID_ARGUMENT, field + " must be yyyy-MM");
    }
  }

  static void requireYear(String field, int year) {
    Require.argument(year >= 1921 && year <= 9999, field + " out of range");
  }

  /** Defines the next version of a county's party rules. */
  public record DefineRules(
      RegionCode county,
      int version,
      LocalDate effectiveFrom,
      List<PartyRules.MeetingRule> meetings,
      List<PartyRules.DuesBracket> duesBrackets,
      List<PartyRules.FlatDues> flatDues,
      List<PartyRules.StageRule> stages,
      List<PartyRules.PointRule> points) {
    public DefineRules {
      requireCounty("county", county);
      Require.argument(version >= 1, "version must be at least 1");
      Require.present("effectiveFrom", effectiveFrom);
      Require.present("meetings", meetings);
      Require.present("duesBrackets", duesBrackets);
      flatDues = Require.optionalList(flatDues);
      stages = Require.optionalList(stages);
      points = Require.optionalList(points);
      PartyRules.validate(meetings, duesBrackets, flatDues, stages, points);
    }
  }

  /** Registers an organisation; {@code parentId} is absent only for a top-level 党委. */
  public record RegisterOrganisation(
      String orgId,
      Organisation.Kind kind,
      String name,
      RegionCode region,
      String parentId,
      LocalDate establishedOn) {
    public RegisterOrganisation {
      Require.id("orgId", orgId);
      Require.present("kind", kind);
      Require.text("name", name, 60);
      Require.present("region", region);
      Require.optionalId("parentId", parentId);
      Require.argument(!orgId.equals(parentId), "an organisation cannot be its own parent");
      Require.present("establishedOn", establishedOn);
    }
  }

  /**
   * Registers a member of a 党支部 at a stage: a new 入党申请人, or a member transferred in at the stage
   * and date they already reached. Personal data travels only in transient data.
   */
  public record RegisterMember(String memberId, String orgId, Stage stage, LocalDate since) {
    public RegisterMember {
      Require.id("memberId", memberId);
      Require.id("orgId", orgId);
      Require.present("stage", stage);
      Require.present("since", since);
    }
  }

  /** Moves a member to the next stage of the pipeline on {@code date}. */
  public record AdvanceMember(
      String memberId, Stage stage, LocalDate date, List<String> sponsors, String minutesSha256) {
    public AdvanceMember {
      Require.id("memberId", memberId);
      Require.present("stage", stage);
      Require.present("date", date);
      sponsors = Require.optionalList(sponsors);
      if (stage == Stage.PROBATIONARY) {
        Require.distinct("sponsors", sponsors, SPONSORS, SPONSORS);
        sponsors.forEach(sponsor -> Require.id("sponsors", sponsor));
        Require.argument(!sponsors.contains(memberId), "a member cannot sponsor themselves");
      } else {
        Require.argument(sponsors.isEmpty(), "only the PROBATIONARY step names sponsors");
      }
      Require.optionalSha256("minutesSha256", minutesSha256);
    }
  }

  /** Records a meeting with its attendance. */
  public record RecordMeeting(
      String meetingId,
      String orgId,
      Meeting.Type type,
      LocalDate date,
      String topic,
      String minutesSha256,
      List<Meeting.Attendance> attendance) {
    public RecordMeeting {
      Require.id("meetingId", meetingId);
      Require.id("orgId", orgId);
      Require.present("type", type);
      Require.present("date", date);
      Require.text("topic", topic, 200);
      Require.present("minutesSha256", minutesSha256);
      Require.optionalSha256("minutesSha256", minutesSha256);
      Require.present("attendance", attendance);
      Require.argument(
          !attendance.isEmpty() && attendance.size() <= MAX_ATTENDANCE,
          "attendance needs 1.." + MAX_ATTENDANCE + " entries");
      Require.distinct(
          "attendance",
          attendance.stream().map(a -> a == null ? null : a.memberId()).toList(),
          1,
          MAX_ATTENDANCE);
      for (Meeting.Attendance entry : attendance) {
        Require.id("attendance.memberId", entry.memberId());
        if (entry.present()) {
          Require.argument(entry.reason() == null, "a member present has no absence reason");
        } else {
          Require.text("attendance.reason", entry.reason(), 100);
        }
      }
      attendance = List.copyOf(attendance);
    }
  }

  /** Records one month's dues of a member. */
  public record PayDues(
      String memberId,
      String month,
      Dues.Category category,
      Long baseFen,
      long amountFen,
      LocalDate paidOn) {
    public PayDues {
      Require.id("memberId", memberId);
      PartyCommands.month("month", month);
      Require.present("category", category);
      Require.argument(
          (category == Dues.Category.SALARIED) == (baseFen != null),
          "baseFen is required for SALARIED and only for it");
      Require.argument(baseFen == null || baseFen > 0, "baseFen must be > 0");
      Require.present("paidOn", paidOn);
    }
  }

  /** Records a member's 民主评议 grade for a year. */
  public record RecordEvaluation(
      String memberId,
      int year,
      Evaluation.Grade grade,
      LocalDate evaluatedOn,
      String minutesSha256) {
    public RecordEvaluation {
      Require.id("memberId", memberId);
      requireYear("year", year);
      Require.present("grade", grade);
      Require.present("evaluatedOn", evaluatedOn);
      Require.argument(evaluatedOn.getYear() >= year, "evaluatedOn is before the year evaluated");
      Require.optionalSha256("minutesSha256", minutesSha256);
    }
  }

  /** Awards points to a member under an award rule. */
  public record AwardPoints(
      String awardId, String memberId, String code, LocalDate date, String note) {
    public AwardPoints {
      Require.id("awardId", awardId);
      Require.id("memberId", memberId);
      Require.present("code", code);
      Require.argument(
          !PartyRules.BUILT_IN_POINTS.contains(code), code + " is computed, not awarded");
      Require.present("date", date);
      Require.optionalText("note", note, 200);
    }
  }

  /** Submits a 党务公开 item for review by the upper organisation. */
  public record SubmitPublication(
      String publicationId,
      String orgId,
      Publication.Scope scope,
      Publication.Category category,
      String title,
      String contentSha256) {
    public SubmitPublication {
      Require.id("publicationId", publicationId);
      Require.id("orgId", orgId);
      Require.present("scope", scope);
      Require.present("category", category);
      Require.text("title", title, 120);
      Require.present("contentSha256", contentSha256);
      Require.optionalSha256("contentSha256", contentSha256);
    }
  }

  /** The upper organisation approves (publishes) or rejects a pending item. */
  public record ReviewPublication(String publicationId, boolean approve, String reason) {
    public ReviewPublication {
      Require.id("publicationId", publicationId);
      if (approve) {
        Require.argument(reason == null, "an approval has no reason");
      } else {
        Require.text("reason", reason, 200);
      }
    }
  }
}
