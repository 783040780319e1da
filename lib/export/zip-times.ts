// A zip file (a .docx) with every entry's modification time set to one given moment. The docx package stamps
// each entry with the time of packing, so two renderings of the same document differ in those bytes; a frozen
// file (a closed period's 情况通报) must come out the same whenever it is rendered. The times live in each
// local file header and each central directory entry; neither is covered by a checksum, so they are simply
// overwritten in place.

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;

/** MS-DOS time and date words of `at` as China's wall clock (2-second resolution). */
export function dosTimeDate(at: Date): { time: number; date: number } {
  const local = new Date(at.getTime() + 8 * 60 * 60 * 1000);
  const year = Math.max(1980, Math.min(2107, local.getUTCFullYear()));
  return {
    time: (local.getUTCHours() << 11) | (local.getUTCMinutes() << 5) | (local.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((local.getUTCMonth() + 1) << 5) | local.getUTCDate(),
  };
}

/** A copy of `zip` whose entries all carry `at` as their modification time. Throws on a malformed zip. */
export function withZipTimes(zip: Uint8Array, at: Date): Buffer {
  const out = Buffer.from(zip);
  const { time, date } = dosTimeDate(at);
  // The end of central directory record is the last 22 bytes unless the archive has a comment (ours have none,
  // but search back over a comment's maximum length to be safe).
  let end = -1;
  for (let i = out.length - 22; i >= Math.max(0, out.length - 22 - 0xffff); i -= 1) {
    if (out.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error("not a zip file: no end of central directory");
  const entries = out.readUInt16LE(end + 10);
  let at0 = out.readUInt32LE(end + 16);
  for (let n = 0; n < entries; n += 1) {
    if (out.readUInt32LE(at0) !== CENTRAL_HEADER) throw new Error("malformed zip: central directory entry expected");
    out.writeUInt16LE(time, at0 + 12);
    out.writeUInt16LE(date, at0 + 14);
    const local = out.readUInt32LE(at0 + 42);
    if (out.readUInt32LE(local) !== LOCAL_HEADER) throw new Error("malformed zip: local file header expected");
    out.writeUInt16LE(time, local + 10);
    out.writeUInt16LE(date, local + 12);
    at0 += 46 + out.readUInt16LE(at0 + 28) + out.readUInt16LE(at0 + 30) + out.readUInt16LE(at0 + 32);
  }
  return out;
}
