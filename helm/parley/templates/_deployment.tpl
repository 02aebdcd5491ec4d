{{/*
One role's Deployment. Call with (dict "root" $ "role" "api"). The roles differ only in PARLEY_ROLES, their sizing
and the worker's queue settings; everything that hardens a pod is here once.
*/}}
{{- define "parley.deployment" -}}
{{- $root := .root -}}
{{- $values := index $root.Values .role -}}
{{- include "parley.validate" $root -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "parley.roleName" . }}
  namespace: {{ $root.Release.Namespace }}
  labels:
    {{- include "parley.roleLabels" . | nindent 4 }}
  {{- include "parley.annotations" $root }}
spec:
  {{- if not $values.autoscaling.enabled }}
  replicas: {{ $values.replicaCount }}
  {{- end }}
  revisionHistoryLimit: 5
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 25%
      maxUnavailable: 0
  selector:
    matchLabels:
      {{- include "parley.roleSelectorLabels" . | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "parley.roleLabels" . | nindent 8 }}
        {{- with $values.podLabels }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      annotations:
        # A changed ConfigMap rolls the pods.
        checksum/config: {{ include (print $root.Template.BasePath "/configmap.yaml") $root | sha256sum }}
        {{- with $values.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      serviceAccountName: {{ include "parley.serviceAccountName" $root }}
      automountServiceAccountToken: {{ $root.Values.serviceAccount.automountToken }}
      {{- with $root.Values.image.pullSecrets }}
      imagePullSecrets:
        {{- range . }}
        - name: {{ . }}
        {{- end }}
      {{- end }}
      {{- with $root.Values.priorityClassName }}
      priorityClassName: {{ . }}
      {{- end }}
      securityContext:
        {{- toYaml $root.Values.podSecurityContext | nindent 8 }}
      terminationGracePeriodSeconds: {{ $root.Values.terminationGracePeriodSeconds }}
      enableServiceLinks: false
      topologySpreadConstraints:
        {{- include "parley.topologySpread" . | trim | nindent 8 }}
      {{- with $values.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $values.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $values.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      containers:
        - name: parley
          image: {{ include "parley.image" $root }}
          imagePullPolicy: {{ $root.Values.image.pullPolicy }}
          securityContext:
            {{- toYaml $root.Values.containerSecurityContext | nindent 12 }}
          ports:
            - name: http
              containerPort: 8080
              protocol: TCP
            - name: metrics
              containerPort: {{ $root.Values.metrics.port }}
              protocol: TCP
          envFrom:
            - configMapRef:
                name: {{ include "parley.configMapName" $root }}
            {{- with $root.Values.parley.extraEnvFrom }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
          env:
            - name: PARLEY_ROLES
              value: {{ .role }}
            {{- if eq .role "worker" }}
            - name: PARLEY_MAX_REQUEST_BYTES
              value: {{ $values.maxRequestBytes | int64 | quote }}
            - name: PARLEY_QUEUE_CONCURRENCY
              value: {{ $values.queue.concurrency | int64 | quote }}
            - name: PARLEY_QUEUE_SHUTDOWN_TIMEOUT
              value: {{ printf "%vs" $values.queue.shutdownTimeoutSeconds | quote }}
            {{- end }}
            {{- include "parley.appSecretEnv" $root | nindent 12 }}
            {{- with $root.Values.metrics.token.existingSecret }}
            - name: PARLEY_METRICS_TOKEN
              valueFrom:
                secretKeyRef:
                  name: {{ . }}
                  key: {{ $root.Values.metrics.token.key }}
            {{- end }}
            {{- with $root.Values.parley.extraEnv }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
            {{- with $values.extraEnv }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
          startupProbe:
            {{- toYaml $root.Values.startupProbe | nindent 12 }}
          livenessProbe:
            {{- toYaml $root.Values.livenessProbe | nindent 12 }}
          readinessProbe:
            {{- toYaml $root.Values.readinessProbe | nindent 12 }}
          lifecycle:
            preStop:
              sleep:
                seconds: {{ $root.Values.preStopSleepSeconds }}
          resources:
            {{- toYaml $values.resources | nindent 12 }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
      volumes:
        - name: tmp
          emptyDir:
            sizeLimit: {{ $root.Values.tmpSizeLimit }}
{{- end -}}
