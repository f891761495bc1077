/**
 * Little helpers for the index's binary files: typed arrays written and read as raw
 * little-endian bytes (every supported platform is little-endian), and a buffered writer so
 * large files are streamed instead of built in memory.
 */
import fs from 'node:fs';
import { AppError } from '../errors.ts';

type TypedArrayConstructor = Uint8ArrayConstructor | Uint16ArrayConstructor | Uint32ArrayConstructor | Float32ArrayConstructor | Float64ArrayConstructor;
type InstanceOf<C extends TypedArrayConstructor> = InstanceType<C>;

/**
 * Reads a whole file as a typed array, without copying when the buffer is aligned.
 * Throws INDEX_CORRUPT when the size is not a whole number of elements.
 */
export function readTypedArray<C extends TypedArrayConstructor>(file: string, Type: C): InstanceOf<C> {
  return typedArrayOf(fs.readFileSync(file), Type, file);
}

/** Writes a typed array's bytes to `file`. */
export function writeTypedArray(file: string, array: ArrayBufferView): void {
  fs.writeFileSync(file, new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
}

/** Appends typed-array data to a file through a fixed-size buffer. */
export class BufferedFileWriter {
  private readonly fd: number;
  private readonly buffer: Buffer;
  private used = 0;
  bytesWritten = 0;

  constructor(readonly file: string, bufferSize = 1 << 20) {
    this.fd = fs.openSync(file, 'w');
    this.buffer = Buffer.allocUnsafe(bufferSize);
  }

  write(array: ArrayBufferView): void {
    const bytes = array instanceof Uint8Array ? array : new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    this.bytesWritten += bytes.byteLength;
    if (bytes.byteLength > this.buffer.byteLength) {
      this.flush();
      fs.writeSync(this.fd, bytes);
      return;
    }
    if (this.used + bytes.byteLength > this.buffer.byteLength) this.flush();
    this.buffer.set(bytes, this.used);
    this.used += bytes.byteLength;
  }

  flush(): void {
    let offset = 0;
    while (offset < this.used) offset += fs.writeSync(this.fd, this.buffer, offset, this.used - offset);
    this.used = 0;
  }

  /** Flushes, fsyncs (unless `sync` is false, for scratch files) and closes the file. */
  close({ sync = true }: { sync?: boolean } = {}): void {
    this.flush();
    if (sync) fs.fsyncSync(this.fd);
    fs.closeSync(this.fd);
  }
}

/** Reads consecutive typed-array elements from a region of a file through a read-ahead buffer. */
export class SequentialReader {
  /** File position of `buffer[0]`. */
  private bufferPosition: number;
  private buffered = 0;
  private consumed = 0;
  private readonly buffer: Buffer;

  constructor(
    private readonly fd: number,
    start: number,
    bufferSize = 1 << 18,
  ) {
    this.bufferPosition = start;
    this.buffer = Buffer.allocUnsafe(bufferSize);
  }

  /** Reads `count` elements of `Type` from the current position. */
  read<C extends TypedArrayConstructor>(Type: C, count: number): InstanceOf<C> {
    const bytes = count * Type.BYTES_PER_ELEMENT;
    const target = new Uint8Array(bytes);
    let done = 0;
    while (done < bytes) {
      if (this.consumed === this.buffered) this.refill();
      const take = Math.min(bytes - done, this.buffered - this.consumed);
      target.set(this.buffer.subarray(this.consumed, this.consumed + take), done);
      this.consumed += take;
      done += take;
    }
    return new Type(target.buffer, 0, count) as InstanceOf<C>;
  }

  private refill(): void {
    this.bufferPosition += this.buffered;
    this.consumed = 0;
    this.buffered = fs.readSync(this.fd, this.buffer, 0, this.buffer.byteLength, this.bufferPosition);
    if (this.buffered === 0) throw new AppError('INDEX_CORRUPT', 'unexpected end of an index run file');
  }
}

/** A growable typed array, for builders that do not know their size in advance. */
export class GrowableUint32Array {
  private data: Uint32Array;
  length = 0;

  constructor(initialCapacity = 1024) {
    this.data = new Uint32Array(Math.max(16, initialCapacity));
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Uint32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  /** A view of the filled part (shares memory until the next push that grows). */
  view(): Uint32Array {
    return this.data.subarray(0, this.length);
  }
}

/**
 * One step of loading an index: read a whole file, or pause so other work (requests being served)
 * can run. Loaders are generators of steps, so the same code loads synchronously (start-up, CLI
 * tools) and asynchronously (a hot swap in a serving process) without duplicating the logic.
 */
export type LoadStep = { read: string } | { pause: true };

/** A loader: yields steps, receives each read's bytes, returns what it built. */
export type Loader<T> = Generator<LoadStep, T, Buffer | undefined>;

/** Runs a loader to completion on this thread (reads are synchronous, pauses are ignored). */
export function runLoaderSync<T>(loader: Loader<T>): T {
  let next = loader.next();
  while (!next.done) {
    const step = next.value;
    next = loader.next('read' in step ? fs.readFileSync(step.read) : undefined);
  }
  return next.value;
}

/**
 * Runs a loader without holding the event loop: reads go to the thread pool and each pause lets
 * pending I/O and timers run before the next slice of work.
 */
export async function runLoaderAsync<T>(loader: Loader<T>): Promise<T> {
  let next = loader.next();
  while (!next.done) {
    const step = next.value;
    if ('read' in step) next = loader.next(await fs.promises.readFile(step.read));
    else {
      await new Promise<void>((resolve) => setImmediate(resolve));
      next = loader.next(undefined);
    }
  }
  return next.value;
}

/** A typed array over a whole file's bytes (see `readTypedArray`), for loaders. */
export function typedArrayOf<C extends TypedArrayConstructor>(buffer: Buffer, Type: C, file: string): InstanceOf<C> {
  const width = Type.BYTES_PER_ELEMENT;
  if (buffer.byteLength % width !== 0) {
    throw new AppError('INDEX_CORRUPT', `${file}: size ${buffer.byteLength} is not a multiple of ${width}`);
  }
  if (buffer.byteOffset % width === 0) {
    return new Type(buffer.buffer as ArrayBuffer, buffer.byteOffset, buffer.byteLength / width) as InstanceOf<C>;
  }
  const copy = new Uint8Array(buffer.byteLength);
  copy.set(buffer);
  return new Type(copy.buffer, 0, buffer.byteLength / width) as InstanceOf<C>;
}

/**
 * Decodes UTF-8 text in pieces of about `sliceBytes`, cut at line ends, with a pause between
 * pieces: decoding tens of megabytes at once holds the event loop for tens of milliseconds.
 */
export function* decodeInSlices(bytes: Buffer, sliceBytes = 1 << 19): Generator<LoadStep, string, Buffer | undefined> {
  if (bytes.length <= sliceBytes) return bytes.toString('utf8');
  const pieces: string[] = [];
  for (let start = 0; start < bytes.length; ) {
    // Cut after a newline (0x0A never occurs inside a UTF-8 sequence), so no character is split.
    let end = start + sliceBytes >= bytes.length ? bytes.length : bytes.indexOf(0x0a, start + sliceBytes) + 1;
    if (end <= 0) end = bytes.length;
    pieces.push(bytes.toString('utf8', start, end));
    start = end;
    yield { pause: true };
  }
  const text = pieces.join('');
  yield { pause: true };
  return text;
}
