-- One database per service, as on the local stack and in the CloudNativePG cluster.
CREATE DATABASE catalog;
CREATE DATABASE intake;
CREATE DATABASE approval;
CREATE DATABASE notification;
