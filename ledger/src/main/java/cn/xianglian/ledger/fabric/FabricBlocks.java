package cn.xianglian.ledger.fabric;

import cn.xianglian.ledger.BlockEvent;
import cn.xianglian.ledger.BlockEvent.BlockTransaction;
import cn.xianglian.ledger.BlockEvent.KeyWrite;
import cn.xianglian.ledger.ChaincodeEvent;
import cn.xianglian.ledger.TransactionInfo;
import cn.xianglian.ledger.ValidationCode;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
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
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.ProcessedTransaction;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * Reads Fabric's protobuf blocks into the port's {@link BlockEvent} and {@link TransactionInfo}.
 */
final class FabricBlocks {

  private FabricBlocks() {}

  static BlockEvent toBlockEvent(Block block) {
    var header = block.getHeader();
    byte[] filter = validationFilter(block);
    List<BlockTransaction> transactions = new ArrayList<>();
    List<ByteString> envelopes = block.getData().getDataList();
    for (int i = 0; i < envelopes.size(); i++) {
      var parsed = parse(envelopes.get(i));
      if (parsed == null) {
        continue; // a config transaction: no chaincode writes
      }
      var code = i < filter.length ? filter[i] : TxValidationCode.INVALID_OTHER_REASON_VALUE;
      var info = parsed.info(header.getNumber(), i, validation(code));
      ChaincodeEvent event =
          parsed.event == null || !info.valid()
              ? null
              : new ChaincodeEvent(
                  header.getNumber(),
                  info.txId(),
                  parsed.event.getChaincodeId(),
                  parsed.event.getEventName(),
                  parsed.event.getPayload().toByteArray());
      transactions.add(new BlockTransaction(info, parsed.writes, event));
    }
    return new BlockEvent(
        header.getNumber(),
        headerHash(header),
        header.getPreviousHash().toByteArray(),
        transactions);
  }

  static TransactionInfo transactionInfo(Block block, String txId, ProcessedTransaction processed) {
    List<ByteString> envelopes = block.getData().getDataList();
    for (int i = 0; i < envelopes.size(); i++) {
      var parsed = parse(envelopes.get(i));
      if (parsed != null && parsed.txId.equals(txId)) {
        return parsed.info(
            block.getHeader().getNumber(), i, validation(processed.getValidationCode()));
      }
    }
    var parsed = parse(processed.getTransactionEnvelope().toByteString());
    if (parsed == null) {
      throw new IllegalStateException("transaction " + txId + " is not a chaincode transaction");
    }
    return parsed.info(
        block.getHeader().getNumber(), -1, validation(processed.getValidationCode()));
  }

  /** Fabric's block hash: SHA-256 of the DER sequence (number, previous hash, data hash). */
  static byte[] headerHash(BlockHeader header) {
    var vector = new ASN1EncodableVector();
    vector.add(new ASN1Integer(header.getNumber()));
    vector.add(new DEROctetString(header.getPreviousHash().toByteArray()));
    vector.add(new DEROctetString(header.getDataHash().toByteArray()));
    try {
      return MessageDigest.getInstance("SHA-256").digest(new DERSequence(vector).getEncoded());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] validationFilter(Block block) {
    var metadata = block.getMetadata();
    int index = BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE;
    return metadata.getMetadataCount() > index
        ? metadata.getMetadata(index).toByteArray()
        : new byte[0];
  }

  static ValidationCode validation(int code) {
    return switch (TxValidationCode.forNumber(code)) {
      case VALID -> ValidationCode.VALID;
      case MVCC_READ_CONFLICT -> ValidationCode.MVCC_READ_CONFLICT;
      case PHANTOM_READ_CONFLICT -> ValidationCode.PHANTOM_READ_CONFLICT;
      case ENDORSEMENT_POLICY_FAILURE -> ValidationCode.ENDORSEMENT_POLICY_FAILURE;
      case DUPLICATE_TXID -> ValidationCode.DUPLICATE_TXID;
      case null, default -> ValidationCode.INVALID_OTHER_REASON;
    };
  }

  /** The parts of one endorser transaction envelope that the port reports. */
  private record Parsed(
      String txId,
      String creatorMspId,
      Instant timestamp,
      String function,
      List<KeyWrite> writes,
      org.hyperledger.fabric.protos.peer.ChaincodeEvent event) {

    TransactionInfo info(long blockNumber, int index, ValidationCode code) {
      return new TransactionInfo(txId, blockNumber, index, code, creatorMspId, timestamp, function);
    }
  }

  private static Parsed parse(ByteString envelopeBytes) {
    try {
      var payload = Payload.parseFrom(Envelope.parseFrom(envelopeBytes).getPayload());
      var channelHeader = ChannelHeader.parseFrom(payload.getHeader().getChannelHeader());
      if (channelHeader.getType() != HeaderType.ENDORSER_TRANSACTION_VALUE) {
        return null;
      }
      var signatureHeader = SignatureHeader.parseFrom(payload.getHeader().getSignatureHeader());
      var creator = SerializedIdentity.parseFrom(signatureHeader.getCreator());
      var timestamp =
          Instant.ofEpochSecond(
              channelHeader.getTimestamp().getSeconds(), channelHeader.getTimestamp().getNanos());
      var transaction = Transaction.parseFrom(payload.getData());
      String function = "";
      List<KeyWrite> writes = new ArrayList<>();
      org.hyperledger.fabric.protos.peer.ChaincodeEvent event = null;
      if (transaction.getActionsCount() > 0) {
        var actionPayload =
            ChaincodeActionPayload.parseFrom(transaction.getActions(0).getPayload());
        var proposalPayload =
            ChaincodeProposalPayload.parseFrom(actionPayload.getChaincodeProposalPayload());
        var input = ChaincodeInvocationSpec.parseFrom(proposalPayload.getInput());
        if (input.getChaincodeSpec().getInput().getArgsCount() > 0) {
          function = input.getChaincodeSpec().getInput().getArgs(0).toStringUtf8();
        }
        var responsePayload =
            ProposalResponsePayload.parseFrom(
                actionPayload.getAction().getProposalResponsePayload());
        var chaincodeAction = ChaincodeAction.parseFrom(responsePayload.getExtension());
        for (NsReadWriteSet ns :
            TxReadWriteSet.parseFrom(chaincodeAction.getResults()).getNsRwsetList()) {
          for (KVWrite write : KVRWSet.parseFrom(ns.getRwset()).getWritesList()) {
            writes.add(
                new KeyWrite(
                    ns.getNamespace(),
                    write.getKey(),
                    write.getValue().toByteArray(),
                    write.getIsDelete()));
          }
        }
        if (!chaincodeAction.getEvents().isEmpty()) {
          event =
              org.hyperledger.fabric.protos.peer.ChaincodeEvent.parseFrom(
                  chaincodeAction.getEvents());
        }
      }
      return new Parsed(
          channelHeader.getTxId(), creator.getMspid(), timestamp, function, writes, event);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("unreadable transaction envelope", e);
    }
  }
}
