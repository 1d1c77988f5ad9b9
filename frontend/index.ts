/**
 * The page's entry point: Vaadin's own (the one it generates when there is none), with two changes.
 * A page in a frame that cannot keep its session says so to the framing page first
 * (`embed/frame-start-check.ts`).
 * The first answer carries the view (eager server load), so the server puts the view's container
 * into the outlet and the form works before the router's first navigation has ended. The router
 * then appends its result, that same container, to the outlet; appending a node where it already
 * is takes it out of the document for a moment, and the field someone is typing in loses its focus
 * and never fires its change event, so the server would not learn the name typed. Such an append
 * is left out here: the container stays where it is.
 */
import './embed/frame-start-check';
import { Router } from '@vaadin/router';
import { Flow } from 'Frontend/generated/jar-resources/Flow.js';

const { serverSideRoutes } = new Flow({
  imports: () => import('Frontend/generated/flow/generated-flow-imports.js')
});

const outlet = document.querySelector<HTMLElement>('#outlet')!;
const append = outlet.appendChild.bind(outlet);
outlet.appendChild = <T extends Node>(node: T): T => ((node as Node) === outlet.lastChild ? node : append(node));

const router = new Router(outlet);
router.setRoutes([...serverSideRoutes]);
