// Every procedure the platform runs. A new service adds its definition here (docs/how-to/add-a-procedure.md).
import type { DocumentProducer } from '../documents/hooks.ts';
import type { ProcedureDefinition } from '../engine/definition.ts';
import { COMPLAINT_PROCEDURE } from './complaints/procedure.ts';
import { eDocumentProducer } from './e-document/document.ts';
import { E_DOCUMENT } from './e-document/procedure.ts';
import { informationNoteProducer } from './e-note/note-document.ts';
import { E_NOTE, NOTE_DOCUMENT } from './e-note/procedure.ts';
import { INFORMATION_REQUEST } from './information-request/procedure.ts';

export const PROCEDURES: readonly ProcedureDefinition[] = [
  INFORMATION_REQUEST,
  COMPLAINT_PROCEDURE,
  E_DOCUMENT,
  E_NOTE,
];

/** Documents the procedures' transitions name in `produces` (the deposit receipt is built in). */
export const DOCUMENT_PRODUCERS: Readonly<Record<string, DocumentProducer>> = {
  e_document: eDocumentProducer,
  [NOTE_DOCUMENT]: informationNoteProducer,
};
