/**
 * The hall (办事大厅): service points from the province's hall down to village agency points, with their region,
 * opening hours (weekday, extended and weekend hours) and window categories; appointments booked into slots of the
 * region's working days within a capacity per category and slot; queue tickets (取号) called to windows; no-shows;
 * waiting figures for supervisors. Clerks act only for the service point their token names ({@code service_point}).
 */
package org.runonce.intake.hall;
