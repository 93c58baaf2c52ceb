// Lists the files inside a .vsix (a zip archive) from its central directory,
// so packaging can check what shipped without an unzip tool.

const endOfCentralDirectory = 0x06054b50;
const centralDirectoryEntry = 0x02014b50;

/**
 * The entries of the zip archive in `buffer`: name and uncompressed size, in
 * archive order. Throws when the buffer is not a (non-zip64) zip archive.
 * @param {Buffer} buffer
 * @returns {{ name: string, size: number }[]}
 */
export function listZipEntries(buffer) {
  let end = buffer.length - 22;
  while (end >= 0 && buffer.readUInt32LE(end) !== endOfCentralDirectory) end -= 1;
  if (end < 0) throw new Error('not a zip archive: no end-of-central-directory record');
  const count = buffer.readUInt16LE(end + 10);
  let offset = buffer.readUInt32LE(end + 16);
  const entries = [];
  for (let index = 0; index < count; index += 1) {
    if (buffer.readUInt32LE(offset) !== centralDirectoryEntry) throw new Error(`zip entry ${index} is damaged`);
    const size = buffer.readUInt32LE(offset + 24);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    entries.push({ name: buffer.toString('utf8', offset + 46, offset + 46 + nameLength), size });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
