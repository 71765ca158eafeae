package cn.xianglian.app.projection;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * A read-model table fed by the ledger records of one key object type: which columns it has and how
 * each is read from the record's JSON. The projector writes rows with it and the integrity check
 * re-derives them from the ledger's value with it, so both always agree on what a row says.
 * Implemented by {@link TraceTable} and {@link FinanceTable}.
 */
public interface ReadModel {

  /** A domain column and how it is read from the record's JSON. */
  record Column(String name, Function<JsonNode, Object> value) {}

  /** The enum constant's name, lower case in URLs ({@code batch}, {@code voucher}, ...). */
  String name();

  /** The key object type whose records feed this table. */
  String objectType();

  String table();

  String idColumn();

  /** The contract ({@code trace}, {@code finance}) that wrote the records. */
  String contract();

  /** The contract's EVALUATE transaction that returns the record by id, if it has one. */
  Optional<String> getter();

  List<Column> columns();

  /** The row id of a record key: its last attribute unless the table says otherwise. */
  default String id(StateKey key) {
    return key.id();
  }

  /** The domain columns of a row for this record, in column order. */
  default Map<String, Object> decode(JsonNode record) {
    var values = new LinkedHashMap<String, Object>();
    for (Column column : columns()) {
      values.put(column.name(), column.value().apply(record));
    }
    return values;
  }

  /** Every read model. */
  static List<ReadModel> all() {
    return Stream.concat(Arrays.stream(TraceTable.values()), Arrays.stream(FinanceTable.values()))
        .map(ReadModel.class::cast)
        .toList();
  }

  /** The table fed by keys of this object type, if any. */
  static Optional<ReadModel> forObjectType(String objectType) {
    return all().stream().filter(t -> t.objectType().equals(objectType)).findFirst();
  }

  /** The table with this name (as in URLs: {@code batch}, {@code voucher}, ...). */
  static Optional<ReadModel> byName(String name) {
    return all().stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
  }

  /** A text field of a JSON node, or null. */
  static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isMissingNode() || value.isNull() ? null : value.asString();
  }

  /** A number field of a JSON node, or null. */
  static Long number(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isNumber() ? value.asLong() : null;
  }

  /** The township (乡镇) a 12-digit region code belongs to: its first 9 digits and {@code 000}. */
  static String township(String region) {
    return region == null || region.length() != 12 ? null : region.substring(0, 9) + "000";
  }
}
