// The real library stands wherever the double stands: every member the double declares exists on
// the real object, with a type the real one satisfies (compiled with OpenTok.js's own types).
import OT from '@vonage/client-sdk-video';
import type * as Double from '../ot-double.js';

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

// For the event names and shapes, which the assignments above cannot see (OpenTok.js's `on` also
// takes any string): the type check compares these maps event by event.
export type RealSession = OT.Session;
export type RealPublisher = OT.Publisher;
export type RealSubscriber = OT.Subscriber;
export type DoubleSessionEvents = Double.SessionEvents;
export type DoublePublisherEvents = Double.PublisherEvents;
export type DoubleSubscriberEvents = Double.SubscriberEvents;
