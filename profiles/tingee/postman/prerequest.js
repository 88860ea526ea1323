// Signs every request as Tingee checks it [doc: x-tingee-signature in openapi.yaml]:
//   x-request-timestamp  yyyyMMddHHmmssSSS in Vietnam time (UTC+7), whatever this computer's zone;
//   x-signature          lowercase hex HMAC-SHA512, keyed with the secret token, over
//                        "<timestamp>:<body>" — the exact body sent, "{}" for a call without one.
// The secret comes from the environment variable secretToken, never from the collection.
const cryptoJS = require("crypto-js");
const secret = pm.environment.get("secretToken");
if (!secret || secret === "YOUR_SECRET_TOKEN") {
  throw new Error("set the environment variable secretToken to your secret token");
}
const timestamp = vietnamTimestamp(); // vntime.js, prepended
let body = "";
if (pm.request.body && pm.request.body.mode === "raw") {
  body = pm.variables.replaceIn(pm.request.body.raw || "");
}
if (body === "") {
  body = "{}";
}
const signature = cryptoJS.HmacSHA512(timestamp + ":" + body, secret).toString(cryptoJS.enc.Hex);
pm.request.headers.upsert({ key: "x-client-id", value: pm.environment.get("clientId") });
pm.request.headers.upsert({ key: "x-request-timestamp", value: timestamp });
pm.request.headers.upsert({ key: "x-signature", value: signature });
