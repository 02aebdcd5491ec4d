/**
 * The worker role: public ingress (provider webhooks under /webhooks/**, web chat under /chat/**) and the job
 * runners of the PostgreSQL queue. Its beans are active when {@code parley.roles} includes "worker"
 * (see {@link io.parley.core.ServerRoles#WORKER}). The messaging pipeline is built here (issue: messaging pipeline).
 */
package io.parley.worker;
