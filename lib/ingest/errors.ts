/**
 * Why an input was refused. Callers map codes to their own surface (a CLI line, a 4xx JSON body,
 * a form error); `message` is already a clear sentence for a person.
 */
export type IngestErrorCode = "empty" | "binary" | "encoding" | "too-large" | "unsupported";

export class IngestError extends Error {
  constructor(
    readonly code: IngestErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "IngestError";
  }
}
