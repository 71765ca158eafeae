package cn.xianglian.ledger.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xianglian.ledger.ValidationCode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.BlockMetadata;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.ledger.rwset.NsReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.TxReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWrite;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEndorsedAction;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.ChaincodeInput;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeSpec;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.Test;

/** Fabric's protobuf blocks read into the port's block events, built here field by field. */
class FabricBlocksTest {

  private static final Instant WHEN = Instant.parse("2026-11-24T02:00:00Z");

  @Test
  void aBlockBecomesABlockEventWithWritesEventsAndValidationCodes() throws Exception {
    Block block =
        Block.newBuilder()
            .setHeader(
                BlockHeader.newBuilder()
                    .setNumber(7)
                    .setPreviousHash(ByteString.copyFromUtf8("prev"))
                    .setDataHash(ByteString.copyFromUtf8("data")))
            .setData(
                BlockData.newBuilder()
                    .addData(envelope("tx-valid", "CoopOrgMSP", "trace:createBatch", true))
                    .addData(envelope("tx-conflict", "CountyOrgMSP", "trace:recallBatch", true)))
            .setMetadata(
                BlockMetadata.newBuilder()
                    .addMetadata(ByteString.EMPTY)
                    .addMetadata(ByteString.EMPTY)
                    .addMetadata(
                        ByteString.copyFrom(
                            new byte[] {
                              (byte) TxValidationCode.VALID_VALUE,
                              (byte) TxValidationCode.MVCC_READ_CONFLICT_VALUE
                            })))
            .build();

    var event = FabricBlocks.toBlockEvent(block);

    assertThat(event.number()).isEqualTo(7);
    assertThat(event.previousHash()).isEqualTo("prev".getBytes(StandardCharsets.UTF_8));
    assertThat(event.hash()).isEqualTo(expectedHeaderHash(7, "prev", "data"));
    assertThat(event.transactions()).hasSize(2);

    var valid = event.transactions().get(0);
    assertThat(valid.info().txId()).isEqualTo("tx-valid");
    assertThat(valid.info().creatorMspId()).isEqualTo("CoopOrgMSP");
    assertThat(valid.info().function()).isEqualTo("trace:createBatch");
    assertThat(valid.info().timestamp()).isEqualTo(WHEN);
    assertThat(valid.info().blockNumber()).isEqualTo(7);
    assertThat(valid.info().indexInBlock()).isZero();
    assertThat(valid.info().validationCode()).isEqualTo(ValidationCode.VALID);
    assertThat(valid.writes())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.namespace()).isEqualTo("xianglian");
              assertThat(w.key()).isEqualTo("key-tx-valid");
              assertThat(new String(w.value(), StandardCharsets.UTF_8)).isEqualTo("{\"v\":1}");
              assertThat(w.delete()).isFalse();
            });
    assertThat(valid.event()).isNotNull();
    assertThat(valid.event().eventName()).isEqualTo("BatchCreated");
    assertThat(valid.event().txId()).isEqualTo("tx-valid");

    var conflict = event.transactions().get(1);
    assertThat(conflict.info().validationCode()).isEqualTo(ValidationCode.MVCC_READ_CONFLICT);
    assertThat(conflict.event()).as("invalid transactions deliver no chaincode event").isNull();
  }

  @Test
  void configTransactionsAreSkipped() {
    var config =
        Envelope.newBuilder()
            .setPayload(
                Payload.newBuilder()
                    .setHeader(
                        Header.newBuilder()
                            .setChannelHeader(
                                ChannelHeader.newBuilder()
                                    .setType(HeaderType.CONFIG_VALUE)
                                    .build()
                                    .toByteString()))
                    .build()
                    .toByteString())
            .build()
            .toByteString();
    var block =
        Block.newBuilder()
            .setHeader(BlockHeader.newBuilder().setNumber(0))
            .setData(BlockData.newBuilder().addData(config))
            .build();

    assertThat(FabricBlocks.toBlockEvent(block).transactions()).isEmpty();
  }

  @Test
  void unknownValidationCodesReadAsInvalidOtherReason() {
    assertThat(FabricBlocks.validation(TxValidationCode.BAD_PAYLOAD_VALUE))
        .isEqualTo(ValidationCode.INVALID_OTHER_REASON);
    assertThat(FabricBlocks.validation(250)).isEqualTo(ValidationCode.INVALID_OTHER_REASON);
    assertThat(FabricBlocks.validation(TxValidationCode.DUPLICATE_TXID_VALUE))
        .isEqualTo(ValidationCode.DUPLICATE_TXID);
  }

  private static byte[] expectedHeaderHash(long number, String prev, String data) throws Exception {
    var v = new ASN1EncodableVector();
    v.add(new ASN1Integer(number));
    v.add(new DEROctetString(prev.getBytes(StandardCharsets.UTF_8)));
    v.add(new DEROctetString(data.getBytes(StandardCharsets.UTF_8)));
    return MessageDigest.getInstance("SHA-256").digest(new DERSequence(v).getEncoded());
  }

  private static ByteString envelope(String txId, String msp, String function, boolean withEvent) {
    var channelHeader =
        ChannelHeader.newBuilder()
            .setType(HeaderType.ENDORSER_TRANSACTION_VALUE)
            .setTxId(txId)
            .setChannelId("xifeng")
            .setTimestamp(
                Timestamp.newBuilder().setSeconds(WHEN.getEpochSecond()).setNanos(WHEN.getNano()))
            .build();
    var signatureHeader =
        SignatureHeader.newBuilder()
            .setCreator(SerializedIdentity.newBuilder().setMspid(msp).build().toByteString())
            .build();
    var rwset =
        TxReadWriteSet.newBuilder()
            .addNsRwset(
                NsReadWriteSet.newBuilder()
                    .setNamespace("xianglian")
                    .setRwset(
                        KVRWSet.newBuilder()
                            .addWrites(
                                KVWrite.newBuilder()
                                    .setKey("key-" + txId)
                                    .setValue(ByteString.copyFromUtf8("{\"v\":1}")))
                            .build()
                            .toByteString()))
            .build();
    var action = ChaincodeAction.newBuilder().setResults(rwset.toByteString());
    if (withEvent) {
      action.setEvents(
          ChaincodeEvent.newBuilder()
              .setChaincodeId("xianglian")
              .setTxId(txId)
              .setEventName("BatchCreated")
              .setPayload(ByteString.copyFromUtf8("{}"))
              .build()
              .toByteString());
    }
    var proposalPayload =
        ChaincodeProposalPayload.newBuilder()
            .setInput(
                ChaincodeInvocationSpec.newBuilder()
                    .setChaincodeSpec(
                        ChaincodeSpec.newBuilder()
                            .setInput(
                                ChaincodeInput.newBuilder()
                                    .addArgs(ByteString.copyFromUtf8(function))))
                    .build()
                    .toByteString())
            .build();
    var actionPayload =
        ChaincodeActionPayload.newBuilder()
            .setChaincodeProposalPayload(proposalPayload.toByteString())
            .setAction(
                ChaincodeEndorsedAction.newBuilder()
                    .setProposalResponsePayload(
                        ProposalResponsePayload.newBuilder()
                            .setExtension(action.build().toByteString())
                            .build()
                            .toByteString()));
    var transaction =
        Transaction.newBuilder()
            .addActions(
                TransactionAction.newBuilder().setPayload(actionPayload.build().toByteString()))
            .build();
    var payload =
        Payload.newBuilder()
            .setHeader(
                Header.newBuilder()
                    .setChannelHeader(channelHeader.toByteString())
                    .setSignatureHeader(signatureHeader.toByteString()))
            .setData(transaction.toByteString())
            .build();
    return Envelope.newBuilder().setPayload(payload.toByteString()).build().toByteString();
  }
}
