// vietnamTimestamp is now as yyyyMMddHHmmssSSS in Vietnam time (UTC+7), whatever this computer's zone.
function vietnamTimestamp() {
  const vn = new Date(Date.now() + 7 * 60 * 60 * 1000);
  const pad = (n, width) => String(n).padStart(width, "0");
  return pad(vn.getUTCFullYear(), 4) + pad(vn.getUTCMonth() + 1, 2) + pad(vn.getUTCDate(), 2) +
    pad(vn.getUTCHours(), 2) + pad(vn.getUTCMinutes(), 2) + pad(vn.getUTCSeconds(), 2) + pad(vn.getUTCMilliseconds(), 3);
}
