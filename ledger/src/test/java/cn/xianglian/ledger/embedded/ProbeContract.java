package cn.xianglian.ledger.embedded;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.StringJoiner;
import org.hyperledger.fabric.contract.ClientIdentity;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * A contract for testing the embedded peer: each transaction exercises one part of the stub and
 * answers in plain text so tests can assert exact results.
 */
@Contract(name = "probe")
public final class ProbeContract implements ContractInterface {

  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String put(Context ctx, String key, String value) {
    ctx.getStub().putStringState(key, value);
    ctx.getStub().setEvent("Put", (key + "=" + value).getBytes(StandardCharsets.UTF_8));
    return "ok";
  }

  /** One state write and one index write: the benchmark's transaction. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String record(Context ctx, String id, String region, String value) {
    ChaincodeStub stub = ctx.getStub();
    String key = stub.createCompositeKey("rec", id).toString();
    if (stub.getState(key).length != 0) {
      throw new ChaincodeException("EXISTS: record " + id + " exists", "EXISTS");
    }
    stub.putStringState(key, value);
    stub.putState(stub.createCompositeKey("rec~region", region, id).toString(), new byte[] {0});
    stub.setEvent("Recorded", id.getBytes(StandardCharsets.UTF_8));
    return id;
  }

  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String get(Context ctx, String key) {
    byte[] value = ctx.getStub().getState(key);
    return value.length == 0 ? "<absent>" : new String(value, StandardCharsets.UTF_8);
  }

  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String del(Context ctx, String key) {
    ctx.getStub().delState(key);
    return "deleted";
  }

  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String increment(Context ctx, String key) {
    byte[] value = ctx.getStub().getState(key);
    long next =
        value.length == 0 ? 1 : Long.parseLong(new String(value, StandardCharsets.UTF_8)) + 1;
    ctx.getStub().putStringState(key, Long.toString(next));
    return Long.toString(next);
  }

  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String putIndexed(Context ctx, String type, String first, String second, String value) {
    ctx.getStub().putStringState(new CompositeKey(type, first, second).toString(), value);
    return "ok";
  }

  /** Keys (as attribute lists) and values of a partial composite key. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String list(Context ctx, String type, String first) {
    var joiner = new StringJoiner(",");
    CompositeKey partial = first.isEmpty() ? new CompositeKey(type) : new CompositeKey(type, first);
    try (QueryResultsIterator<KeyValue> results =
        ctx.getStub().getStateByPartialCompositeKey(partial)) {
      for (KeyValue kv : results) {
        joiner.add(
            String.join("/", CompositeKey.parseCompositeKey(kv.getKey()).getAttributes())
                + "="
                + kv.getStringValue());
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return joiner.toString();
  }

  /** One page: {@code values|count|bookmark}. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String page(Context ctx, String type, int pageSize, String bookmark) {
    var joiner = new StringJoiner(",");
    QueryResultsIteratorWithMetadata<KeyValue> results =
        ctx.getStub()
            .getStateByPartialCompositeKeyWithPagination(
                new CompositeKey(type), pageSize, bookmark);
    for (KeyValue kv : results) {
      joiner.add(kv.getStringValue());
    }
    return joiner
        + "|"
        + results.getMetadata().getFetchedRecordsCount()
        + "|"
        + results.getMetadata().getBookmark();
  }

  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String putThenPage(Context ctx, String type) {
    ctx.getStub().putStringState("x", "y");
    ctx.getStub().getStateByPartialCompositeKeyWithPagination(new CompositeKey(type), 1, "");
    return "unreachable";
  }

  /** Counts simple keys in [start, end) and records the count: a range read in a write tx. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String countRange(Context ctx, String start, String end) {
    int count = 0;
    try (QueryResultsIterator<KeyValue> results = ctx.getStub().getStateByRange(start, end)) {
      for (KeyValue ignored : results) {
        count++;
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    ctx.getStub().putStringState("count", Integer.toString(count));
    return Integer.toString(count);
  }

  /** {@code txId:value:deleted} per modification, newest first. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String history(Context ctx, String key) {
    var joiner = new StringJoiner(";");
    try (QueryResultsIterator<KeyModification> results = ctx.getStub().getHistoryForKey(key)) {
      for (KeyModification modification : results) {
        joiner.add(
            modification.getTxId()
                + ":"
                + modification.getStringValue()
                + ":"
                + modification.isDeleted()
                + ":"
                + (modification.getTimestamp() != null));
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return joiner.toString();
  }

  /** Stores transient {@code value} as private data. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String putPrivate(Context ctx, String collection, String key) {
    byte[] value = ctx.getStub().getTransient().get("value");
    if (value == null) {
      throw new ChaincodeException("INVALID_ARGUMENT: transient value missing");
    }
    ctx.getStub().putPrivateData(collection, key, value);
    return "ok";
  }

  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String getPrivate(Context ctx, String collection, String key) {
    return new String(ctx.getStub().getPrivateData(collection, key), StandardCharsets.UTF_8);
  }

  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String privateHash(Context ctx, String collection, String key) {
    return HexFormat.of().formatHex(ctx.getStub().getPrivateDataHash(collection, key));
  }

  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String delPrivate(Context ctx, String collection, String key) {
    ctx.getStub().delPrivateData(collection, key);
    return "ok";
  }

  /** {@code mspId|xl.role|xl.region|id} as ClientIdentity reads them. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String whoami(Context ctx) {
    ClientIdentity identity = ctx.getClientIdentity();
    return identity.getMSPID()
        + "|"
        + identity.getAttributeValue("xl.role")
        + "|"
        + identity.getAttributeValue("xl.region")
        + "|"
        + identity.getId();
  }

  /** {@code txId|channel|function|parameters|hasTimestamp}. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String header(Context ctx, String argument) {
    ChaincodeStub stub = ctx.getStub();
    return stub.getTxId()
        + "|"
        + stub.getChannelId()
        + "|"
        + stub.getFunction()
        + "|"
        + String.join(",", stub.getParameters())
        + "|"
        + (stub.getTxTimestamp() != null);
  }

  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String fail(Context ctx, String code) {
    ctx.getStub().putStringState("never", "written");
    throw new ChaincodeException(code + ": failing on purpose", code);
  }

  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String richQuery(Context ctx) {
    ctx.getStub().getQueryResult("{\"selector\":{}}");
    return "unreachable";
  }
}
