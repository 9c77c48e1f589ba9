/**
 * Reads the symbol versions an ELF shared library needs from each library
 * it links (its `.gnu.version_r` section), e.g. `GLIBC_2.28` from
 * `libc.so.6`: what decides the oldest glibc it loads on.
 */
import { readFileSync } from "node:fs";

const SHT_GNU_VERNEED = 0x6ffffffe;

/** The versions needed per library file, e.g. `{ "libc.so.6": ["GLIBC_2.2.5", ...] }`. Throws for anything but a 64-bit little-endian ELF. */
export function neededVersions(path: string): Record<string, string[]> {
  const b = readFileSync(path);
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (b.readUInt32BE(0) !== 0x7f454c46 || b[4] !== 2 || b[5] !== 1) throw new Error(`${path} is not a 64-bit little-endian ELF file`);
  const shoff = Number(v.getBigUint64(0x28, true));
  const shentsize = v.getUint16(0x3a, true);
  const shnum = v.getUint16(0x3c, true);
  const section = (i: number) => {
    const o = shoff + i * shentsize;
    return {
      type: v.getUint32(o + 4, true),
      offset: Number(v.getBigUint64(o + 0x18, true)),
      link: v.getUint32(o + 0x28, true),
      info: v.getUint32(o + 0x2c, true),
    };
  };
  const cstr = (at: number) => {
    let end = at;
    while (b[end] !== 0) end++;
    return b.toString("latin1", at, end);
  };
  const out: Record<string, string[]> = {};
  for (let i = 0; i < shnum; i++) {
    const s = section(i);
    if (s.type !== SHT_GNU_VERNEED) continue;
    const strtab = section(s.link).offset;
    let need = s.offset;
    for (let n = 0; n < s.info; n++) {
      const count = v.getUint16(need + 2, true);
      const file = cstr(strtab + v.getUint32(need + 4, true));
      const versions: string[] = [];
      let aux = need + v.getUint32(need + 8, true);
      for (let k = 0; k < count; k++) {
        versions.push(cstr(strtab + v.getUint32(aux + 8, true)));
        aux += v.getUint32(aux + 12, true);
      }
      out[file] = versions;
      need += v.getUint32(need + 12, true);
    }
  }
  return out;
}

/** The newest `GLIBC_x.y[.z]` version in `versions`, as numbers. */
export function newestGlibc(versions: Record<string, string[]>): number[] {
  let best = [0, 0, 0];
  for (const list of Object.values(versions)) {
    for (const name of list) {
      const m = /^GLIBC_(\d+)\.(\d+)(?:\.(\d+))?$/.exec(name);
      if (!m) continue;
      const ver = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
      if (ver[0]! > best[0]! || (ver[0] === best[0] && (ver[1]! > best[1]! || (ver[1] === best[1] && ver[2]! > best[2]!)))) best = ver;
    }
  }
  return best;
}
