/**
 * An invented state decision with a letterhead, a signature block (`TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ
 * TỊCH`) and a legal portal's `Tình trạng: Hết hiệu lực`, for the tests of what people see and filter about who signed
 * a document and whether it is in force.
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { DocumentFields } from '../../src/core/types.js';
import { commitFile, prepareFile } from '../../src/ingest/ingest-files.js';
import { sourceKey } from '../../src/ingest/source-key.js';
import type { IndexHandle } from '../../src/store/open-index.js';

export const FORMAL_DECISION = resolve('test/fixtures/quyet-dinh-27-2019-QD-UBND.txt');

/** What the decision prints, written as the project's field conventions say. */
export const FORMAL_DECISION_FIELDS = {
  signer: 'Đinh Văn Khải',
  signerTitle: 'KT. CHỦ TỊCH / PHÓ CHỦ TỊCH',
  onBehalfOf: 'Ủy ban nhân dân',
  status: 'no-longer-in-force',
} as const satisfies Partial<DocumentFields>;

type SignatureField = keyof typeof FORMAL_DECISION_FIELDS;

/**
 * Ingests the decision through the real pipeline into an open index and returns its document id. A signature or
 * status field the extractor leaves null is given the value the document prints before it is stored, so that
 * filtering and display are tested on stored values whether or not the extractor reads them yet; tests then use what
 * the store returns, never these constants, so they hold once the extractor fills the fields itself.
 */
export async function ingestFormalDecision(handle: IndexHandle): Promise<string> {
  const prepared = await prepareFile(readFileSync(FORMAL_DECISION), basename(FORMAL_DECISION));
  const doc = prepared.doc as DocumentFields;
  for (const name of Object.keys(FORMAL_DECISION_FIELDS) as SignatureField[]) {
    if (doc[name] === null) (doc as Record<SignatureField, string | null>)[name] = FORMAL_DECISION_FIELDS[name];
  }
  const { documentId } = await commitFile(handle, prepared, sourceKey(FORMAL_DECISION));
  handle.save();
  return documentId;
}
