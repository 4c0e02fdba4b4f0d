import { open, stat } from "node:fs/promises";
import { PMTiles, TileType, type RangeResponse, type Source } from "pmtiles";

/**
 * A PMTiles archive on this server's disk, read by byte ranges (the reader asks for the header, a directory or one
 * tile at a time, so a planet-sized file costs no memory). The file is opened per read: replacing it takes effect
 * at the next request, and a missing file is a clear "not found", not a stale handle.
 */
export class PMTilesFileSource implements Source {
  constructor(
    readonly path: string,
    private readonly key: string,
  ) {}

  getKey(): string {
    return this.key;
  }

  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    const handle = await open(this.path, "r");
    try {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, offset);
      return { data: buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + bytesRead) };
    } finally {
      await handle.close();
    }
  }
}

type OpenArchive = { key: string; archive: PMTiles };
let current: OpenArchive | undefined;

/**
 * The archive at `path`, or null when there is no such file. Its header and directories stay cached (by the
 * reader) for as long as the file's size and modification time stay the same.
 */
export async function openArchive(path: string): Promise<PMTiles | null> {
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) return null;
  const key = `${path}|${info.size}|${info.mtimeMs}`;
  if (current?.key !== key) current = { key, archive: new PMTiles(new PMTilesFileSource(path, key)) };
  return current.archive;
}

/** Whether the archive holds vector tiles (the only kind the app's style draws). */
export async function isVectorArchive(archive: PMTiles): Promise<boolean> {
  return (await archive.getHeader()).tileType === TileType.Mvt;
}
