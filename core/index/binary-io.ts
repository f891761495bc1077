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
  const buffer = fs.readFileSync(file);
  const width = Type.BYTES_PER_ELEMENT;
  if (buffer.byteLength % width !== 0) {
    throw new AppError('INDEX_CORRUPT', `${file}: size ${buffer.byteLength} is not a multiple of ${width}`);
  }
  if (buffer.byteOffset % width === 0) {
    return new Type(buffer.buffer, buffer.byteOffset, buffer.byteLength / width) as InstanceOf<C>;
  }
  const copy = new Uint8Array(buffer.byteLength);
  copy.set(buffer);
  return new Type(copy.buffer, 0, buffer.byteLength / width) as InstanceOf<C>;
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
    const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
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

  /** Flushes, fsyncs and closes the file. */
  close(): void {
    this.flush();
    fs.fsyncSync(this.fd);
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
