// Signs every resource call as OCB checks it [obs: docs/ocb-open-api.md, "Resource calls"]:
//   trace       {{clientTransId}} unique per request, {{clientTimestamp}} yyyyMMddHHmmssSSS in Vietnam time;
//   X-Signature base64url(RSASSA-PKCS1-v1_5-SHA256(privateKey, base64url('{"alg":"RS256"}') + "." +
//               base64url(the exact body sent))) — a detached JWS, the signature segment only;
//   X-Client-Certificate  the certificate as base64 DER on one line; X-IBM-Client-Id/-Secret; Bearer accessToken.
// The token request (form-encoded) is sent as it is. Secrets come from the environment, never the collection.
const cryptoJS = require("crypto-js");
const env = (name, placeholder) => {
  const v = pm.environment.get(name);
  if (!v || v === placeholder) {
    throw new Error("set the environment variable " + name);
  }
  return v;
};
// signResourceCall sets the trace variables and the headers of a resource call.
function signResourceCall() {
  const privateKey = env("privateKey", "YOUR_PRIVATE_KEY_PEM");
  const certificate = env("certificate", "YOUR_CERTIFICATE_PEM").replace(/-----[A-Z ]+-----/g, "").replace(/\s/g, "");
  const accessToken = pm.environment.get("accessToken");
  if (!accessToken) {
    throw new Error("no accessToken: send the token request first");
  }
  pm.variables.set("clientTransId", "PM-" + cryptoJS.lib.WordArray.random(10).toString(cryptoJS.enc.Hex));
  pm.variables.set("clientTimestamp", vietnamTimestamp());
  const body = pm.request.body && pm.request.body.mode === "raw" ? pm.variables.replaceIn(pm.request.body.raw || "") : "";
  const sha256 = (bytes) => {
    const words = [];
    bytes.forEach((b, i) => { words[i >>> 2] |= b << (24 - 8 * (i % 4)); });
    const digest = cryptoJS.SHA256(cryptoJS.lib.WordArray.create(words, bytes.length));
    return digest.words.flatMap((w) => [w >>> 24, (w >>> 16) & 255, (w >>> 8) & 255, w & 255]);
  };
  const signingInput = base64url(utf8('{"alg":"RS256"}')) + "." + base64url(utf8(body));
  pm.request.headers.upsert({ key: "Accept", value: "application/json" });
  pm.request.headers.upsert({ key: "X-IBM-Client-Id", value: env("clientId", "YOUR_CLIENT_ID") });
  pm.request.headers.upsert({ key: "X-IBM-Client-Secret", value: env("clientSecret", "YOUR_CLIENT_SECRET") });
  pm.request.headers.upsert({ key: "Authorization", value: "Bearer " + accessToken });
  pm.request.headers.upsert({ key: "X-Client-Certificate", value: certificate });
  pm.request.headers.upsert({ key: "X-Signature", value: rs256Sign(privateKey, signingInput, sha256) });
}
if (!(pm.request.body && pm.request.body.mode === "urlencoded")) {
  signResourceCall();
}
