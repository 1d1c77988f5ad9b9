// OpenTok.js as far as the double offers it: `.ci/frontend/tsconfig.double.json` maps the package
// name to this module, so the engine fails to compile when it uses anything the double does not offer.
import type * as Double from '../ot-double.js';

declare const OT: Double.OpenTokApi;
declare namespace OT {
  export type Session = Double.SessionApi;
  export type Publisher = Double.PublisherApi;
  export type Subscriber = Double.SubscriberApi;
  export type Stream = Double.StreamApi;
  export type Connection = Double.ConnectionApi;
  export type Event<Type, Target> = Double.EventApi<Type, Target>;
  export type OTError = Double.OTError;
  // the options the double takes, each accepted by OpenTok.js (real-fits-double.ts)
  export type WidgetProperties = Double.WidgetProperties;
  export type PublisherProperties = Double.PublisherProperties;
  export type SubscriberProperties = Double.SubscriberProperties;
}
export default OT;
