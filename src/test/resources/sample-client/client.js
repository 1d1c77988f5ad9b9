// The sample's flow: GET /session from the app (another origin), then OT.initSession with the
// typed key and connect with the token. What happened is kept in window.report for the test.
const app = new URLSearchParams(location.search).get('app');
const status = document.getElementById('status');
window.report = { errors: [] };

document.getElementById('join').addEventListener('submit', async (event) => {
  event.preventDefault();
  const report = window.report;
  const encryptionSecret = document.getElementById('key').value;
  try {
    const { apiKey, sessionId, token } = await (await fetch(`${app}/session`)).json();
    report.fromServer = { apiKey, sessionId, token };
    const OT = (await import('./opentok.js')).default;
    report.e2eeSupported = OT.hasEndToEndEncryptionSupport();
    const session = OT.initSession(apiKey, sessionId, { encryptionSecret });
    report.inOpenTok = { sessionId: session.sessionId };
    session.connect(token, (error) => {
      report.connect = error ? { name: error.name, message: error.message } : { name: 'connected' };
      status.textContent = error ? `Connect failed: ${error.name}` : 'Connected';
    });
  } catch (error) {
    report.errors.push(String(error));
    status.textContent = `Failed: ${error}`;
  }
});
