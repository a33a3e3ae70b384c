/**
 * What approval consumes, one listener per producer ({@code <Producer>EventsListener}), each event once: intake's
 * accepted, withdrawn and supplied applications drive the cases; catalog's events keep approval's catalog copy.
 */
package org.runonce.approval.inbound;
