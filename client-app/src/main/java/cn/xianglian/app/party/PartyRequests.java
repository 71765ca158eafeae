package cn.xianglian.app.party;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The party contract's command arguments as request bodies. Field names are the contract's (it
 * rejects unknown fields); ids that the URL carries are added by the controller. The contract
 * checks the rest (stages, intervals, amounts) and answers with a stable code.
 */
final class PartyRequests {

  /** A client-chosen id. */
  static final String ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

  /** A 12-digit region code. */
  static final String REGION = "[1-9][0-9]{11}";

  /** A date {@code yyyy-MM-dd}. */
  static final String DATE = "[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])";

  /** A month {@code yyyy-MM}. */
  static final String MONTH = "[0-9]{4}-(0[1-9]|1[0-2])";

  /** A SHA-256 in lower-case hex. */
  static final String SHA256 = "[0-9a-f]{64}";

  private PartyRequests() {}

  @Schema(description = "党务规则 — a county's rules version: frequencies, dues, intervals, points")
  record DefineRules(
      @NotNull @Pattern(regexp = REGION) @Schema(example = "520122000000") String county,
      @Min(1) int version,
      @NotNull @Pattern(regexp = DATE) @Schema(example = "2025-01-01") String effectiveFrom,
      @NotNull @Size(min = 1, max = 10) List<@Valid @NotNull MeetingRule> meetings,
      @NotNull @Size(min = 1, max = 10) List<@Valid @NotNull DuesBracket> duesBrackets,
      @Size(max = 3) List<@Valid @NotNull FlatDues> flatDues,
      @Size(max = 4) List<@Valid @NotNull StageRule> stages,
      @Size(max = 50) List<@Valid @NotNull PointRule> points) {}

  @Schema(
      description =
          "会议频次 — BRANCH_ASSEMBLY, BRANCH_COMMITTEE, GROUP_MEETING, PARTY_LECTURE, THEME_DAY")
  record MeetingRule(
      @NotBlank @Schema(example = "THEME_DAY") String type,
      @NotBlank @Schema(example = "MONTHLY") String frequency) {}

  @Schema(description = "党费档次 — up to upToFen of monthly income, basisPoints / 10 000")
  record DuesBracket(@Positive Long upToFen, @Min(1) @Max(10_000) int basisPoints) {}

  @Schema(description = "定额党费 — FARMER, STUDENT or NO_INCOME pay between minFen and maxFen")
  record FlatDues(
      @NotBlank String category, @PositiveOrZero long minFen, @PositiveOrZero long maxFen) {}

  @Schema(description = "发展党员间隔 — least months before reaching a stage")
  record StageRule(@NotBlank String stage, @Min(0) @Max(120) int minMonths) {}

  @Schema(description = "积分规则 — points of a built-in code or an award rule")
  record PointRule(
      @NotBlank @Size(max = 40) String code,
      @NotBlank @Size(max = 40) String name,
      @Min(-100) @Max(100) int points) {}

  @Schema(description = "党组织 — 党委 (COMMITTEE), 党总支 (GENERAL_BRANCH) or 党支部 (BRANCH)")
  record RegisterOrganisation(
      @NotNull @Pattern(regexp = ID) String orgId,
      @NotBlank @Schema(example = "BRANCH") String kind,
      @NotBlank @Size(max = 60) String name,
      @NotNull @Pattern(regexp = REGION) String region,
      @Pattern(regexp = ID) String parentId,
      @NotNull @Pattern(regexp = DATE) String establishedOn) {}

  @Schema(description = "党员 — name, phone and ID number go to private data, never to a block")
  record RegisterMember(
      @NotNull @Pattern(regexp = ID) String memberId,
      @NotNull @Pattern(regexp = ID) String orgId,
      @NotBlank @Schema(example = "APPLICANT") String stage,
      @NotNull @Pattern(regexp = DATE) String since,
      @NotNull @Valid Person person) {

    /** The contract's argument: everything but the person. */
    java.util.Map<String, Object> command() {
      var command = new java.util.LinkedHashMap<String, Object>();
      command.put("memberId", memberId);
      command.put("orgId", orgId);
      command.put("stage", stage);
      command.put("since", since);
      return command;
    }
  }

  @Schema(description = "个人信息 — kept in the private data collection")
  record Person(
      @NotBlank @Size(max = 50) String name,
      @NotNull @Pattern(regexp = "1[3-9][0-9]{9}") String phone,
      @NotNull @Pattern(regexp = "[0-9]{17}[0-9X]") String idNumber) {}

  @Schema(description = "发展党员 — the next stage on a date (PROBATIONARY names two sponsors)")
  record AdvanceMember(
      @NotBlank @Schema(example = "ACTIVIST") String stage,
      @NotNull @Pattern(regexp = DATE) String date,
      @Size(max = 2) List<@NotNull @Pattern(regexp = ID) String> sponsors,
      @Pattern(regexp = SHA256) String minutesSha256) {}

  @Schema(description = "三会一课 / 主题党日 — a meeting with its attendance")
  record RecordMeeting(
      @NotNull @Pattern(regexp = ID) String meetingId,
      @NotNull @Pattern(regexp = ID) String orgId,
      @NotBlank @Schema(example = "THEME_DAY") String type,
      @NotNull @Pattern(regexp = DATE) String date,
      @NotBlank @Size(max = 200) String topic,
      @NotNull @Pattern(regexp = SHA256) String minutesSha256,
      @NotNull @Size(min = 1, max = 500) List<@Valid @NotNull Attendance> attendance) {}

  @Schema(description = "出席 — present, or absent with a reason")
  record Attendance(
      @NotNull @Pattern(regexp = ID) String memberId,
      boolean present,
      @Size(max = 100) String reason) {}

  @Schema(description = "党费 — one month of a member (amounts in 分)")
  record PayDues(
      @NotNull @Pattern(regexp = ID) String memberId,
      @NotNull @Pattern(regexp = MONTH) String month,
      @NotBlank @Schema(example = "FARMER") String category,
      @Positive Long baseFen,
      @PositiveOrZero long amountFen,
      @NotNull @Pattern(regexp = DATE) String paidOn) {}

  @Schema(description = "民主评议 — EXCELLENT, QUALIFIED, BASICALLY_QUALIFIED or UNQUALIFIED")
  record RecordEvaluation(
      @NotNull @Pattern(regexp = ID) String memberId,
      @Min(1921) @Max(9999) int year,
      @NotBlank String grade,
      @NotNull @Pattern(regexp = DATE) String evaluatedOn,
      @Pattern(regexp = SHA256) String minutesSha256) {}

  @Schema(description = "积分奖励 — points under an award rule of the county")
  record AwardPoints(
      @NotNull @Pattern(regexp = ID) String awardId,
      @NotNull @Pattern(regexp = ID) String memberId,
      @NotBlank @Size(max = 40) String code,
      @NotNull @Pattern(regexp = DATE) String date,
      @Size(max = 200) String note) {}

  @Schema(description = "党务公开 — INNER (党内) or PUBLIC (党外), reviewed by the upper organisation")
  record SubmitPublication(
      @NotNull @Pattern(regexp = ID) String publicationId,
      @NotNull @Pattern(regexp = ID) String orgId,
      @NotBlank @Schema(example = "PUBLIC") String scope,
      @NotBlank @Schema(example = "MEETINGS") String category,
      @NotBlank @Size(max = 120) String title,
      @NotNull @Pattern(regexp = SHA256) String contentSha256) {}

  @Schema(description = "审核 — approve (publish) or reject with a reason")
  record ReviewPublication(boolean approve, @Size(max = 200) String reason) {}
}
