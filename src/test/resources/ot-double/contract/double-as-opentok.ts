// OpenTok.js as far as the double offers it: the engine is compiled against this module instead
// of the real one, so that it fails to compile when it uses anything the double does not offer.
import type * as Double from '../ot-double.js';
import type Real from '@vonage/client-sdk-video';

declare const OT: Double.OpenTokApi;
declare namespace OT {
  export type Session = Double.SessionApi;
  export type Publisher = Double.PublisherApi;
  export type Subscriber = Double.SubscriberApi;
  export type Stream = Double.StreamApi;
  export type Connection = Double.ConnectionApi;
  export type Event<Type, Target> = Double.EventApi<Type, Target>;
  export type OTError = Double.OTError;
  // options the engine hands to OpenTok.js are the real library's own types
  export type WidgetProperties = Real.WidgetProperties;
  export type PublisherProperties = Real.PublisherProperties;
  export type SubscriberProperties = Real.SubscriberProperties;
}
export default OT;
