package cn.xianglian.app.grid;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The grid contract's command arguments as request bodies; field names are the contract's. Ids the
 * URL carries are added by the controller. Coordinates are integer micro-degrees, photos and
 * evidence SHA-256 hashes of files kept off the ledger.
 */
final class GridRequests {

  /** A client-chosen id. */
  static final String ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

  /** A 12-digit region code of 息烽县. */
  static final String REGION = "520122[0-9]{6}";

  /** A region scope: county (6), township (9) or village (12 digits). */
  static final String SCOPE = "[0-9]{6}|[0-9]{9}|[0-9]{12}";

  /** A time {@code yyyy-MM-ddTHH:mm:ss+08:00}. */
  static final String TIME =
      "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[+-][0-9]{2}:[0-9]{2}";

  /** A SHA-256 in lower-case hex. */
  static final String SHA256 = "[0-9a-f]{64}";

  /** A category code. */
  static final String CATEGORY = "[A-Z][A-Z0-9_]{1,31}";

  private GridRequests() {}

  @Schema(description = "事件分类目录 — a version of the county's category catalogue")
  record DefineCatalogue(
      @NotNull @Pattern(regexp = REGION) @Schema(example = "520122000000") String county,
      @NotNull @Min(1) @Max(9999) Integer version,
      @NotNull @Size(min = 1, max = 64) List<@Valid @NotNull Category> categories,
      @NotNull @Size(min = 1, max = 200) List<@Valid @NotNull Department> departments,
      @NotNull @Size(max = 2000) List<@Valid @NotNull Rule> rules) {}

  @Schema(description = "事件分类 — code, name, who may report it, time limits in hours")
  record Category(
      @NotNull @Pattern(regexp = CATEGORY) @Schema(example = "SANITATION") String code,
      @NotBlank @Size(max = 50) @Schema(example = "环境卫生") String name,
      @NotNull @Size(min = 1, max = 3)
          List<@NotNull @Pattern(regexp = "GRID_WORKER|VILLAGER|CONSUMER") String> reporters,
      @NotNull @Valid Limits limits) {}

  @Schema(description = "办理时限 — per stage and in total, in hours")
  record Limits(
      @NotNull @Min(1) Integer acceptHours,
      @NotNull @Min(1) Integer dispatchHours,
      @NotNull @Min(1) Integer claimHours,
      @NotNull @Min(1) Integer handleHours,
      @NotNull @Min(1) Integer verifyHours,
      @NotNull @Min(1) Integer closeHours,
      @NotNull @Min(1) Integer totalHours) {}

  @Schema(description = "职能部门")
  record Department(
      @NotNull @Pattern(regexp = ID) String departmentId,
      @NotBlank @Size(max = 50) String name,
      @NotNull @Pattern(regexp = REGION) String region) {}

  @Schema(description = "派遣规则 — category + region prefix → department (longest prefix wins)")
  record Rule(
      @NotNull @Pattern(regexp = CATEGORY) String category,
      @NotNull @Pattern(regexp = "[0-9]{2,12}") String regionPrefix,
      @NotNull @Pattern(regexp = ID) String departmentId) {}

  @Schema(description = "网格 — a grid inside an administrative village")
  record RegisterGrid(
      @NotNull @Pattern(regexp = ID) String gridId,
      @NotBlank @Size(max = 50) @Schema(example = "示范村一组网格") String name,
      @NotNull @Pattern(regexp = REGION) @Schema(example = "520122100201") String region) {}

  @Schema(description = "网格员 — pseudonymous; personal data goes to private data only")
  record RegisterWorker(
      @NotNull @Pattern(regexp = ID) String workerId,
      @NotNull @Pattern(regexp = ID) @Schema(example = "GridOrgMSP") String mspId,
      @NotNull @Pattern(regexp = ID) String gridId,
      @NotNull @Valid Personal personal) {

    Assignment assignment() {
      return new Assignment(workerId, mspId, gridId);
    }
  }

  @Schema(description = "网格员调整 — move a worker to another grid")
  record Assign(
      @NotNull @Pattern(regexp = ID) String mspId, @NotNull @Pattern(regexp = ID) String gridId) {}

  /** The contract's public argument of registerWorker / assignWorker. */
  record Assignment(String workerId, String mspId, String gridId) {}

  @Schema(description = "个人信息 — private data, never in public state")
  record Personal(
      @NotBlank @Size(max = 50) String name,
      @NotBlank @Pattern(regexp = "1[3-9][0-9]{9}") String phone,
      @NotBlank @Pattern(regexp = "[0-9]{17}[0-9X]") String idNumber) {}

  @Schema(description = "坐标 — integer micro-degrees")
  record Location(
      @NotNull @Min(-90_000_000) @Max(90_000_000) Long latE6,
      @NotNull @Min(-180_000_000) @Max(180_000_000) Long lonE6) {}

  @Schema(description = "上报 — an event or complaint/suggestion (投诉建议); personal data optional")
  record ReportEvent(
      @NotNull @Pattern(regexp = ID) String eventId,
      @NotNull @Pattern(regexp = ID) String gridId,
      @NotNull @Pattern(regexp = CATEGORY) @Schema(example = "SANITATION") String category,
      @NotBlank @Size(max = 100) @Schema(example = "路边垃圾堆放") String title,
      @Size(max = 1000) String description,
      @Valid Location location,
      @Size(max = 9) List<@NotNull @Pattern(regexp = SHA256) String> photos,
      @Pattern(regexp = TIME) String at,
      @Valid Personal personal) {

    /** The contract's public argument (personal data travels as transient data). */
    Public withoutPersonal() {
      return new Public(eventId, gridId, category, title, description, location, photos, at);
    }

    record Public(
        String eventId,
        String gridId,
        String category,
        String title,
        String description,
        Location location,
        List<String> photos,
        String at) {}
  }

  @Schema(description = "办理步骤 — fields as the step needs them (docs/contract-grid.md)")
  record Step(
      @Pattern(regexp = TIME) String at,
      @Size(max = 500) String note,
      @Size(max = 9) List<@NotNull @Pattern(regexp = SHA256) String> evidence,
      @Pattern(regexp = ID) String departmentId,
      Boolean passed,
      @Min(1) @Max(5) Integer rating) {

    static final Step EMPTY = new Step(null, null, null, null, null, null);

    Transition of(String eventId) {
      return new Transition(eventId, at, note, evidence, departmentId, passed, rating);
    }
  }

  /** The contract's transition argument. */
  record Transition(
      String eventId,
      String at,
      String note,
      List<String> evidence,
      String departmentId,
      Boolean passed,
      Integer rating) {}
}
