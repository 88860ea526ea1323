// Checks the answer's envelope [doc: every answer is HTTP 200 with `code`]: "00", or — for an
// example naming a confirmId, VA or bill that earlier calls create — a business error (a
// four-digit code, data null), never a signature, timestamp or validation refusal.
const mayBeUnknown = __MAY_BE_UNKNOWN__;
pm.test("HTTP 200", function () {
  pm.response.to.have.status(200);
});
pm.test(mayBeUnknown ? "code 00, or a business error for an id the target does not hold" : "code 00", function () {
  const answer = pm.response.json();
  if (Array.isArray(answer)) {
    return; // get-banks answers the bare bank list on success [live]
  }
  if (mayBeUnknown && answer.code !== "00") {
    pm.expect(answer.code, "code").to.match(/^[0-9]{4}$/);
    pm.expect(answer.data, "data").to.equal(null);
    return;
  }
  pm.expect(answer.code, "code (message: " + answer.message + ")").to.equal("00");
});
