/// <reference types="office-js" />

/**
 * The error codes the simulator raises, spelled as Office.js spells them (`Excel.ErrorCodes`,
 * `OfficeExtension.ErrorCodes`; RequestPayloadSizeLimitExceeded is in the documented error table
 * but not in the typings' enum).
 */
export type SimErrorCode =
  | `${Excel.ErrorCodes.itemNotFound}`
  | `${Excel.ErrorCodes.itemAlreadyExists}`
  | `${Excel.ErrorCodes.invalidArgument}`
  | `${Excel.ErrorCodes.invalidOperation}`
  | `${Excel.ErrorCodes.invalidReference}`
  | `${Excel.ErrorCodes.generalException}`
  | `${Excel.ErrorCodes.rangeExceedsLimit}`
  | `${Excel.ErrorCodes.responsePayloadSizeLimitExceeded}`
  | `${Excel.ErrorCodes.mergedRangeConflict}`
  | `${Excel.ErrorCodes.notImplemented}`
  | `${Excel.ErrorCodes.apiNotFound}`
  | 'RequestPayloadSizeLimitExceeded'
  | 'PropertyNotLoaded'
  | 'InvalidObjectPath'
  | 'RunMustReturnPromise';

/**
 * Messages from "Error handling with the Excel JavaScript API" (learn.microsoft.com,
 * office-js-docs-pr docs/excel/excel-add-ins-error-handling.md); PropertyNotLoaded's is the
 * text Office.js itself throws.
 */
const MESSAGES: Record<SimErrorCode, string> = {
  ItemNotFound: "The requested resource doesn't exist.",
  ItemAlreadyExists: 'The resource being created already exists.',
  InvalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  InvalidOperation: 'The operation attempted is invalid on the object.',
  InvalidReference: 'This reference is not valid for the current operation.',
  GeneralException: 'There was an internal error while processing the request.',
  RangeExceedsLimit: 'The cell count in the range has exceeded the maximum supported number.',
  RequestPayloadSizeLimitExceeded: 'The request payload size has exceeded the limit.',
  ResponsePayloadSizeLimitExceeded: 'The response payload size has exceeded the limit.',
  MergedRangeConflict:
    "Cannot complete the operation. A table can't overlap with another table, a PivotTable report, query results, merged cells, or an XML Map.",
  NotImplemented: "The requested feature isn't implemented.",
  ApiNotFound:
    'The API you are trying to use could not be found. It may be available in a newer version of Excel.',
  PropertyNotLoaded:
    'The property is not available. Before reading the property\'s value, call the load method on the containing object and call "context.sync()" on the associated request context.',
  RunMustReturnPromise:
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation.',
  InvalidObjectPath:
    'The object path isn\'t working for what you\'re trying to do. If you\'re using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object\'s lifetime.',
};

/**
 * An error shaped like OfficeExtension.Error as Excel delivers it: name `RichApi.Error`, a code
 * from Excel.ErrorCodes, the documented message, and debugInfo naming where it happened.
 */
export class SimRichApiError extends Error {
  override readonly name = 'RichApi.Error';
  readonly code: SimErrorCode;
  readonly debugInfo: OfficeExtension.DebugInfo;
  readonly traceMessages: string[] = [];

  constructor(code: SimErrorCode, detail: { location?: string; message?: string } = {}) {
    const message = detail.message ?? MESSAGES[code];
    super(message);
    this.code = code;
    this.debugInfo = {
      code,
      message,
      ...(detail.location === undefined ? {} : { errorLocation: detail.location }),
    };
  }

  /** The same error with the statement that failed recorded, as Excel adds it at sync. */
  withLocation(location: string): SimRichApiError {
    if (this.debugInfo.errorLocation !== undefined) return this;
    return new SimRichApiError(this.code, { location, message: this.message });
  }
}

/** Type check: the simulator's error has every field add-ins read from OfficeExtension.Error. */
export type SimErrorFields = Pick<
  OfficeExtension.Error,
  'name' | 'message' | 'code' | 'debugInfo' | 'traceMessages'
>;
const _errorShapeCheck: (error: SimRichApiError) => SimErrorFields = (error) => error;
void _errorShapeCheck;

/** PropertyNotLoaded for reading `property` of `typeName` before load + sync (thrown at once, as Office.js does). */
export function propertyNotLoaded(typeName: string, property: string): SimRichApiError {
  return new SimRichApiError('PropertyNotLoaded', {
    location: `${typeName}.${property}`,
    message: `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  });
}

export function isSimRichApiError(error: unknown): error is SimRichApiError {
  return error instanceof SimRichApiError;
}
