{{/* Names, labels and the shared pieces of every Parley pod. */}}

{{- define "parley.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* <release>-<chart>, or the release name alone when it already holds the chart name. */}}
{{- define "parley.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Name of a role's objects: <fullname>-<role>. Call with (dict "root" $ "role" "api"). */}}
{{- define "parley.roleName" -}}
{{- printf "%s-%s" (include "parley.fullname" .root | trunc 56 | trimSuffix "-") .role -}}
{{- end -}}

{{- define "parley.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "parley.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{- define "parley.selectorLabels" -}}
app.kubernetes.io/name: {{ include "parley.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* Labels of a role's objects and pods. Call with (dict "root" $ "role" "api"). */}}
{{- define "parley.roleLabels" -}}
{{ include "parley.labels" .root }}
app.kubernetes.io/component: {{ .role }}
{{- end -}}

{{- define "parley.roleSelectorLabels" -}}
{{ include "parley.selectorLabels" .root }}
app.kubernetes.io/component: {{ .role }}
{{- end -}}

{{/* metadata.annotations from commonAnnotations, indented for metadata; nothing when there are none. */}}
{{- define "parley.annotations" -}}
{{- with .Values.commonAnnotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
{{- end }}
{{- end -}}

{{- define "parley.image" -}}
{{- $image := .Values.image -}}
{{- $repository := ternary (printf "%s/%s" $image.registry $image.repository) $image.repository (ne $image.registry "") -}}
{{- if $image.digest -}}
{{- printf "%s@%s" $repository $image.digest -}}
{{- else -}}
{{- printf "%s:%s" $repository (default .Chart.AppVersion $image.tag) -}}
{{- end -}}
{{- end -}}

{{- define "parley.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "parley.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "parley.configMapName" -}}
{{- printf "%s-config" (include "parley.fullname" .) -}}
{{- end -}}

{{/* PARLEY_PUBLIC_URL: as set, else from the ingress host name. */}}
{{- define "parley.publicUrl" -}}
{{- if .Values.parley.publicUrl -}}
{{- .Values.parley.publicUrl -}}
{{- else if .Values.ingress.enabled -}}
{{- printf "%s://%s" (ternary "https" "http" .Values.ingress.tls) .Values.ingress.hostname -}}
{{- else -}}
{{- fail "parley.publicUrl is required (the address people and providers reach Parley at), or enable the ingress" -}}
{{- end -}}
{{- end -}}

{{- define "parley.jdbcUrl" -}}
{{- $db := .Values.database -}}
{{- $host := required "database.host is required: Parley needs your PostgreSQL (see docs/operations/kubernetes.md)" $db.host -}}
{{- printf "jdbc:postgresql://%s:%v/%s" $host $db.port $db.name -}}{{ with $db.parameters }}?{{ . }}{{ end }}
{{- end -}}

{{/* Settings the chart cannot express in the schema; fails the render with a reason. */}}
{{- define "parley.validate" -}}
{{- $_ := required "database.app.existingSecret is required: a Secret with the application role's user name and password" .Values.database.app.existingSecret -}}
{{- $_ = required "secrets.existingSecret is required: a Secret with the encryption key and the JWT secret" .Values.secrets.existingSecret -}}
{{- $stop := add .Values.preStopSleepSeconds .Values.worker.queue.shutdownTimeoutSeconds -}}
{{- if le (int .Values.terminationGracePeriodSeconds) (int $stop) -}}
{{- fail (printf "terminationGracePeriodSeconds (%v) must exceed preStopSleepSeconds + worker.queue.shutdownTimeoutSeconds (%v): a worker would be killed while handing its jobs back" .Values.terminationGracePeriodSeconds $stop) -}}
{{- end -}}
{{- end -}}

{{/* A secretKeyRef env entry. Call with (list "NAME" "secret" "key"). */}}
{{- define "parley.secretEnv" -}}
- name: {{ index . 0 }}
  valueFrom:
    secretKeyRef:
      name: {{ index . 1 }}
      key: {{ index . 2 }}
{{- end -}}

{{/* The application role's credentials and the application secrets: what every serving pod gets. */}}
{{- define "parley.appSecretEnv" -}}
{{- $v := .Values -}}
{{ include "parley.secretEnv" (list "DATASOURCES_DEFAULT_USERNAME" $v.database.app.existingSecret $v.database.app.usernameKey) }}
{{ include "parley.secretEnv" (list "DATASOURCES_DEFAULT_PASSWORD" $v.database.app.existingSecret $v.database.app.passwordKey) }}
{{ include "parley.secretEnv" (list "PARLEY_ENCRYPTION_KEY" $v.secrets.existingSecret $v.secrets.encryptionKeyKey) }}
{{ include "parley.secretEnv" (list "PARLEY_JWT_SECRET" $v.secrets.existingSecret $v.secrets.jwtSecretKey) }}
{{- with $v.llm.existingSecret }}
{{ include "parley.secretEnv" (list "PARLEY_LLM_API_KEY" . $v.llm.apiKeyKey) }}
{{- end }}
{{- with $v.stripe.existingSecret }}
{{ include "parley.secretEnv" (list "STRIPE_API_KEY" . $v.stripe.apiKeyKey) }}
{{ include "parley.secretEnv" (list "STRIPE_WEBHOOK_SECRET" . $v.stripe.webhookSecretKey) }}
{{- end }}
{{- with $v.smtp.existingSecret }}
{{ include "parley.secretEnv" (list "PARLEY_SMTP_USERNAME" . $v.smtp.usernameKey) }}
{{ include "parley.secretEnv" (list "PARLEY_SMTP_PASSWORD" . $v.smtp.passwordKey) }}
{{- end }}
{{- end -}}

{{/* Spread a role's pods over zones, then nodes, unless the role sets its own constraints. */}}
{{- define "parley.topologySpread" -}}
{{- $values := index .root.Values .role -}}
{{- if $values.topologySpreadConstraints -}}
{{ toYaml $values.topologySpreadConstraints }}
{{- else -}}
{{- range list "topology.kubernetes.io/zone" "kubernetes.io/hostname" }}
- maxSkew: 1
  topologyKey: {{ . }}
  whenUnsatisfiable: ScheduleAnyway
  labelSelector:
    matchLabels:
      {{- include "parley.roleSelectorLabels" $ | nindent 6 }}
{{- end }}
{{- end -}}
{{- end -}}
