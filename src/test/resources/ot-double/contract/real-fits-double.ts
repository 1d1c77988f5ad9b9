// The OpenTok.js double held to OpenTok.js's own type definitions (those of the npm package
// .ci/frontend installs): compiled by tsc with .ci/frontend/tsconfig.json, run by .ci/check-frontend.
import OT from '@vonage/client-sdk-video';
import type * as Double from '../ot-double.js';

// The real library stands wherever the double stands: every member the double declares exists on
// the real object, with a type the real one satisfies.
declare const session: OT.Session;
declare const publisher: OT.Publisher;
declare const subscriber: OT.Subscriber;
declare const stream: OT.Stream;
declare const connection: OT.Connection;
declare const error: OT.OTError;

export const openTok: Double.OpenTokApi = OT;
export const realSession: Double.SessionApi = session;
export const realPublisher: Double.PublisherApi = publisher;
export const realSubscriber: Double.SubscriberApi = subscriber;
export const realStream: Double.StreamApi = stream;
export const realConnection: Double.ConnectionApi = connection;
export const realError: Double.OTError = error;

// Event names and shapes, which the assignments above cannot see (OpenTok.js's `on` also takes any
// string). OpenTok.js declares each emitter's events as the type argument of an unexported base
// class; its `on` overloads carry them: the first, generic one, read with its type parameter at
// its constraint, takes `keyof EventMap` and a callback of `EventMap[keyof EventMap]`.
type OnOverloads<On> = On extends {
  (...args: infer First): void;
  (...args: infer Second): void;
  (...args: infer Third): void;
  (...args: infer Fourth): void;
}
  ? [First, Second, Third, Fourth]
  : never;
type RealEventName<Emitter extends { on: unknown }> = OnOverloads<Emitter['on']>[0][0];
type RealEventObject<Emitter extends { on: unknown }> =
  OnOverloads<Emitter['on']>[0][1] extends (event: infer Event) => void ? Event : never;
// each real event object names its event in `type` (OpenTok.js's Event<Type, Target>)
type RealEvent<Emitter extends { on: unknown }, Name> = Extract<RealEventObject<Emitter>, { type: Name }>;

/**
 * For every event the double fires: 'fits' when OpenTok.js names it and the real event object
 * satisfies the double's (so every field the engine reads is there, with its type), otherwise why not.
 */
type Verdicts<Emitter extends { on: unknown }, DoubleEvents> = {
  [Name in keyof DoubleEvents]: string extends RealEventName<Emitter>
    ? 'OpenTok.js event names could not be read'
    : Name extends RealEventName<Emitter>
      ? [RealEvent<Emitter, Name>] extends [never]
        ? `OpenTok.js's ${Name & string} event has no event object of that type`
        : [RealEvent<Emitter, Name>] extends [DoubleEvents[Name]]
          ? 'fits'
          : `OpenTok.js's ${Name & string} event object does not satisfy the double's`
      : `${Name & string} is not an event OpenTok.js names here`;
};

declare const sessionVerdicts: Verdicts<OT.Session, Double.SessionEvents>;
declare const publisherVerdicts: Verdicts<OT.Publisher, Double.PublisherEvents>;
declare const subscriberVerdicts: Verdicts<OT.Subscriber, Double.SubscriberEvents>;

export const sessionEvents: Record<keyof Double.SessionEvents, 'fits'> = sessionVerdicts;
export const publisherEvents: Record<keyof Double.PublisherEvents, 'fits'> = publisherVerdicts;
export const subscriberEvents: Record<keyof Double.SubscriberEvents, 'fits'> = subscriberVerdicts;

// The options the engine hands to the double's functions: OpenTok.js accepts every one the double
// takes, with the same type (the assignments above cannot see this: a method's parameters are
// compared both ways).
type Accepted<DoubleOptions, RealOptions> = [Exclude<keyof DoubleOptions, keyof RealOptions>] extends [never]
  ? [DoubleOptions] extends [RealOptions]
    ? 'accepted'
    : 'OpenTok.js does not accept these options with these types'
  : `OpenTok.js takes no option ${Exclude<keyof DoubleOptions, keyof RealOptions> & string}`;

export const widgetOptions: 'accepted' = null! as Accepted<Double.WidgetProperties, OT.WidgetProperties>;
export const publisherOptions: 'accepted' = null! as Accepted<Double.PublisherProperties, OT.PublisherProperties>;
export const subscriberOptions: 'accepted' = null! as Accepted<Double.SubscriberProperties, OT.SubscriberProperties>;
export const sessionOptions: 'accepted' = null! as Accepted<
  Double.SessionOptions,
  NonNullable<Parameters<typeof OT.initSession>[2]>
>;
