package cn.xianglian.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The chaincode's stable error code is found in a message however the ledger wrapped it. */
class LedgerExceptionTest {

  @Test
  void aBareChaincodeMessageGivesItsCode() {
    assertThat(LedgerException.codeOf("BATCH_NOT_FOUND: batch XF-1 does not exist"))
        .isEqualTo("BATCH_NOT_FOUND");
  }

  @Test
  void aMessageWrappedByTheFabricGatewayGivesTheChaincodeCode() {
    assertThat(
            LedgerException.codeOf(
                "10 ABORTED: failed to endorse transaction, see attached details for more info;"
                    + " CountyOrgMSP: chaincode response 500, NOT_OWNER: P-1 does not own XF-1"))
        .isEqualTo("NOT_OWNER");
  }

  @Test
  void wordsWithoutAnUnderscoreAreNotCodes() {
    assertThat(LedgerException.codeOf("ABORTED: failed to endorse transaction")).isNull();
    assertThat(LedgerException.codeOf("Error during contract method execution")).isNull();
    assertThat(LedgerException.codeOf(null)).isNull();
  }

  @Test
  void aCodeInsideAnotherWordIsNotTaken() {
    assertThat(LedgerException.codeOf("xBATCH_NOT_FOUND: no")).isNull();
  }
}
