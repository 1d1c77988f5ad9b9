// The run-time side of the OpenTok.js double's contract: the same steps on the real library and on
// the double, offline, describing every object the engine meets. Evaluated in a page of the app,
// with the library chunk's address; answers plain data for the test to compare.
async ({ chunk, sessionId }) => {
  const OT = (await import(chunk)).default;

  /** Every property name of an object and its prototypes, with its kind, and for a function its arity. */
  function describe(object) {
    const description = {};
    for (let o = object; o && o !== Object.prototype && o !== Function.prototype; o = Object.getPrototypeOf(o)) {
      for (const name of Object.getOwnPropertyNames(o)) {
        if (name === 'constructor' || name in description) {
          continue;
        }
        let value;
        try {
          value = object[name];
        } catch {
          value = undefined;
        }
        description[name] = typeof value === 'function' ? `function(${value.length})` : typeof value;
      }
    }
    return description;
  }

  function errorOf(failing) {
    return failing().then(
      () => null,
      (error) => ({ name: error?.name, messageType: typeof error?.message }),
    );
  }

  const target = document.createElement('div');
  document.body.append(target);
  const described = { OT: describe(OT), version: OT.version ?? null };

  // a session that cannot connect offline, and the error for a key OpenTok.js refuses
  const session = OT.initSession('47110815', sessionId, { encryptionSecret: 'contract-key-0001' });
  described.session = describe(session);
  described.shortKeyOnConnect = await errorOf(() => new Promise((resolve, reject) => {
    OT.initSession('47110815', `${sessionId}-short`, { encryptionSecret: 'abcde' })
      .connect('T1==token', (error) => (error ? reject(error) : resolve()));
  }));
  described.shortKeyOnChange = await errorOf(() => session.setEncryptionSecret('abcde'));

  const publisher = await new Promise((resolve, reject) => {
    const created = OT.initPublisher(target, { insertMode: 'append', publishAudio: true, publishVideo: true },
      (error) => (error ? reject(error) : resolve(created)));
  });
  described.publisher = describe(publisher);
  publisher.destroy();

  if (window.otDouble) {
    // the double: a remote participant in a connected session, and a subscriber to their stream
    const connected = OT.initSession('47110815', `${sessionId}-connected`, { encryptionSecret: 'contract-key-0001' });
    await new Promise((resolve, reject) => connected.connect('T1==token', (error) => (error ? reject(error) : resolve())));
    const streams = [];
    connected.on('streamCreated', (event) => streams.push(event.stream));
    window.otDouble.addRemoteStream({ name: 'Grace', connectionData: '{"name":"Grace"}' });
    described.stream = describe(streams[0]);
    described.connection = describe(streams[0].connection);
  } else {
    // the real library cannot connect offline: its own Connection and Stream classes, built as its
    // session builds them from the video service's messages. Its Subscriber cannot be made without
    // a connection to the service: that one is held to OpenTok.js's types only.
    const connection = new OT.Connection('connection-1', Date.now(), '{"name":"Grace"}', { supportsWebRTC: true },
      ['publish', 'subscribe']);
    described.connection = describe(connection);
    described.stream = describe(new OT.Stream('stream-1', 'Grace', Date.now(), connection, session, []));
  }
  return described;
}
