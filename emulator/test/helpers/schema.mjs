// The Arrow schema used by the conformance tests, shaped like a LanceOrm table (embedding metadata).
import { arrow } from '../../src/arrow.mjs';

const { Schema, Field, Int32, Utf8, Float32, FixedSizeList, List } = arrow;

export const EMBEDDING_METADATA = JSON.stringify([
  { name: 'sentence-transformers', model: { name: 'all-MiniLM-L6-v2' }, source_column: 'text', vector_column: 'vector' },
]);

/**
 * id:int32 (not null), text:utf8, vector:fixed_size_list<float32>[4], tags:list<utf8>, score:float32, category:utf8.
 * With `embeddings`, the schema carries LanceOrm's `embedding_functions` metadata (the Node client then
 * tries to embed on add, so data tests use the plain metadata instead).
 */
export function articleSchema({ embeddings = false } = {}) {
  return new Schema([
    new Field('id', new Int32(), false),
    new Field('text', new Utf8(), true, new Map([['comment', 'the body text']])),
    new Field('vector', new FixedSizeList(4, new Field('item', new Float32(), true)), true),
    new Field('tags', new List(new Field('item', new Utf8(), true)), true),
    new Field('score', new Float32(), true),
    new Field('category', new Utf8(), true),
  ], new Map(embeddings ? [['embedding_functions', EMBEDDING_METADATA]] : [['lanceorm.table', 'articles']]));
}
