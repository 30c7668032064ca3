// A file sent to Slack without ever being whole in memory: written to a temporary file part by part,
// then streamed from disk to the upload URL Slack gives for it. Slack asks for the byte length before
// the upload (files.getUploadURLExternal), and the file on disk knows it exactly after one pass over the
// data: a first pass that only counts would read the database twice, and a row changed between the two
// passes would make the declared length wrong.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { WebClient } from './listeners/support.ts';

/** How long the bytes may take to reach Slack's upload host. */
const UPLOAD_TIMEOUT_MS = 5 * 60_000;

/** A file written to a temporary directory, removed by `remove()` (always call it). */
export interface SpooledFile {
  readonly path: string;
  readonly bytes: number;
  remove(): Promise<void>;
}

/** Writes the parts as they come (each written before the next is asked for) to a temporary file. */
export async function spoolToFile(parts: AsyncIterable<string>, name: string): Promise<SpooledFile> {
  const dir = await mkdtemp(join(tmpdir(), 'pipeline-file-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  const path = join(dir, name);
  try {
    await pipeline(Readable.from(parts), createWriteStream(path));
    return { path, bytes: (await stat(path)).size, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

/**
 * Uploads the file's bytes to Slack without sharing it anywhere (files.getUploadURLExternal, then the
 * bytes streamed to the URL it answers): until files.completeUploadExternal names it, nobody sees it.
 */
export async function uploadUnshared(client: WebClient, file: SpooledFile, filename: string): Promise<string> {
  const { upload_url: url, file_id: id } = await client.files.getUploadURLExternal({ filename, length: file.bytes });
  if (!url || !id) throw new Error('files.getUploadURLExternal answered without an upload URL');
  await postFile(url, file);
  return id;
}

/** POSTs the file as raw bytes (Slack's upload host takes raw bytes or a multipart form). */
async function postFile(url: string, file: SpooledFile): Promise<void> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const request = send(target, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'content-length': String(file.bytes) },
    signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
  });
  const answered = new Promise<IncomingMessage>((resolve, reject) => {
    request.once('response', resolve);
    request.once('error', reject);
  });
  const [, response] = await Promise.all([pipeline(createReadStream(file.path), request), answered]);
  response.resume();
  if (response.statusCode !== 200) throw new Error(`the upload host answered HTTP ${response.statusCode}`);
}
