// The page's own script: ask the server for a session and token, then connect with the typed key.
const form = document.getElementById('join');
const call = document.getElementById('call');
let session;

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const name = document.getElementById('name').value;
  const key = document.getElementById('key').value;
  const { apiKey, sessionId, token } = await (await fetch('session')).json();
  session = OT.initSession(apiKey, sessionId, { encryptionSecret: key });
  session.on('streamCreated', (created) => {
    session.subscribe(created.stream, 'others', { insertMode: 'append' });
  });
  session.connect(token, (error) => {
    if (error) {
      return;
    }
    session.publish(OT.initPublisher('own-video', { name, insertMode: 'append' }));
    form.hidden = true;
    call.hidden = false;
  });
});

document.getElementById('change').addEventListener('click', () => {
  session.setEncryptionSecret(document.getElementById('new-key').value);
});

document.getElementById('leave').addEventListener('click', () => {
  session.disconnect();
  call.hidden = true;
  form.hidden = false;
});
