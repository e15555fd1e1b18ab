// Arrow schema -> the JSON schema form of describe responses (protocol §4, lance `arrow/json.rs`):
// {"fields":[{"name","type":{"type":str,"fields"?,"length"?},"nullable","metadata"?}], "metadata"?}
import { arrow } from './arrow.mjs';

const { Type, Precision, DateUnit, TimeUnit } = arrow;

const UNIT = { [TimeUnit.SECOND]: 's', [TimeUnit.MILLISECOND]: 'ms', [TimeUnit.MICROSECOND]: 'us', [TimeUnit.NANOSECOND]: 'ns' };

function mapToObject(map) {
  if (!map || map.size === 0) return undefined;
  return Object.fromEntries(map.entries());
}

/**
 * @param {import('apache-arrow').DataType} t
 * @returns {{type: string, fields?: object[], length?: number}}
 */
export function dataTypeToJson(t) {
  switch (t.typeId) {
    case Type.Null: return { type: 'null' };
    case Type.Bool: return { type: 'bool' };
    case Type.Int:
    case Type.Int8: case Type.Int16: case Type.Int32: case Type.Int64:
    case Type.Uint8: case Type.Uint16: case Type.Uint32: case Type.Uint64:
      return { type: `${t.isSigned ? '' : 'u'}int${t.bitWidth}` };
    case Type.Float: case Type.Float16: case Type.Float32: case Type.Float64:
      return { type: t.precision === Precision.HALF ? 'halffloat' : t.precision === Precision.SINGLE ? 'float' : 'double' };
    case Type.Utf8: return { type: 'string' };
    case Type.LargeUtf8: return { type: 'large_string' };
    case Type.Binary: return { type: 'binary' };
    case Type.LargeBinary: return { type: 'large_binary' };
    case Type.FixedSizeBinary: return { type: 'fixed_size_binary', length: t.byteWidth };
    case Type.Date: case Type.DateDay: case Type.DateMillisecond:
      return { type: t.unit === DateUnit.DAY ? 'date32:day' : 'date64:ms' };
    case Type.Time: case Type.TimeSecond: case Type.TimeMillisecond: case Type.TimeMicrosecond: case Type.TimeNanosecond:
      return { type: `time${t.bitWidth}:${UNIT[t.unit]}` };
    case Type.Timestamp: case Type.TimestampSecond: case Type.TimestampMillisecond:
    case Type.TimestampMicrosecond: case Type.TimestampNanosecond:
      return { type: `timestamp:${UNIT[t.unit]}:${t.timezone || '-'}` };
    case Type.Duration: case Type.DurationSecond: case Type.DurationMillisecond:
    case Type.DurationMicrosecond: case Type.DurationNanosecond:
      return { type: `duration:${UNIT[t.unit]}` };
    case Type.Decimal: return { type: `decimal:${t.bitWidth}:${t.precision}:${t.scale}` };
    case Type.Dictionary: return { type: `dict:${dataTypeToJson(t.dictionary).type}:${dataTypeToJson(t.indices).type}:false` };
    case Type.List: return { type: 'list', fields: [fieldToJson(t.children[0])] };
    case Type.FixedSizeList: return { type: 'fixed_size_list', fields: [fieldToJson(t.children[0])], length: t.listSize };
    case Type.Struct: return { type: 'struct', fields: t.children.map(fieldToJson) };
    default:
      throw new Error(`unsupported Arrow type in schema: ${t}`);
  }
}

/** @param {import('apache-arrow').Field} f */
export function fieldToJson(f) {
  const out = { name: f.name, type: dataTypeToJson(f.type), nullable: f.nullable };
  const metadata = mapToObject(f.metadata);
  if (metadata) out.metadata = metadata;
  return out;
}

/** @param {import('apache-arrow').Schema} schema */
export function schemaToJson(schema) {
  const out = { fields: schema.fields.map(fieldToJson) };
  const metadata = mapToObject(schema.metadata);
  if (metadata) out.metadata = metadata;
  return out;
}
