package cn.xianglian.chaincode.trace.domain;

import cn.xianglian.chaincode.domain.Coded;
import java.util.EnumSet;
import java.util.Set;

/** GS1 CBV business steps plus XiangLian farm extensions ({@code xl:} prefix). */
public enum BizStep implements Coded {
  COMMISSIONING("commissioning"),
  INSPECTING("inspecting"),
  SAMPLING("sampling"),
  PACKING("packing"),
  SHIPPING("shipping"),
  RECEIVING("receiving"),
  RETAIL_SELLING("retail_selling"),
  TRANSFORMING("transforming"),
  DESTROYING("destroying"),
  HOLDING("holding"),
  PLANTING("xl:planting"),
  BREEDING("xl:breeding"),
  FERTILIZING("xl:fertilizing"),
  PESTICIDE_APPLYING("xl:pesticide_applying"),
  VET_DRUG_APPLYING("xl:vet_drug_applying"),
  FEEDING("xl:feeding"),
  HARVESTING("xl:harvesting"),
  SLAUGHTERING("xl:slaughtering"),
  RECALL_HANDLING("xl:recall_handling");

  /** Steps with their own transaction; {@code recordEvent} refuses them. */
  public static final Set<BizStep> DEDICATED =
      EnumSet.of(COMMISSIONING, SHIPPING, RECEIVING, TRANSFORMING, RECALL_HANDLING);

  private final String code;

  BizStep(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  /** The input category an input-use step records, or null for other steps. */
  public InputCategory inputCategory() {
    return switch (this) {
      case FERTILIZING -> InputCategory.FERTILIZER;
      case PESTICIDE_APPLYING -> InputCategory.PESTICIDE;
      case VET_DRUG_APPLYING -> InputCategory.VET_DRUG;
      case FEEDING -> InputCategory.FEED;
      default -> null;
    };
  }

  public static BizStep fromCode(String code) {
    return Coded.fromCode(BizStep.class, code);
  }
}
