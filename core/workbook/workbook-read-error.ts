import { PipecastError } from '../errors/pipecast-error.js';
import { type CodedText, renderCoded } from '../text/coded-text.js';

/**
 * A workbook or CSV file that cannot be read at all (missing, not a spreadsheet, corrupt, or a
 * file the reader library chokes on). The message is one line, `<file>: <reason>`, so a batch
 * run can print it as it is and go on with the next file. A PipecastError with the code
 * 'unreadable-file' and the file as its place, so one `instanceof PipecastError` catches it too.
 * A reason given as coded text (`coded('error.fileNotFound')`) becomes its `text`, so errorLine
 * shows it in the user's language.
 */
export class WorkbookReadError extends PipecastError {
  override name = 'WorkbookReadError';
  /** The path as the caller gave it. */
  readonly file: string;
  /** Why it could not be read, in words a user understands (English). */
  readonly reason: string;

  constructor(file: string, reason: string | CodedText, options?: { cause?: unknown }) {
    const english = typeof reason === 'string' ? reason : renderCoded(reason, 'en');
    const oneLine = english.replace(/\s+/g, ' ').trim();
    super(
      'unreadable-file',
      `${file}: ${oneLine}`,
      { file },
      {
        ...options,
        ...(typeof reason === 'string' ? {} : { text: reason }),
      },
    );
    this.file = file;
    this.reason = oneLine;
  }
}
