{{/*
One role's HorizontalPodAutoscaler on CPU and, for the worker, optionally on an external metric of the jobs waiting
in the queue. Call with (dict "root" $ "role" "api").
*/}}
{{- define "parley.hpa" -}}
{{- $values := index .root.Values .role -}}
{{- if $values.autoscaling.enabled -}}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "parley.roleName" . }}
  namespace: {{ .root.Release.Namespace }}
  labels:
    {{- include "parley.roleLabels" . | nindent 4 }}
  {{- include "parley.annotations" .root }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "parley.roleName" . }}
  minReplicas: {{ $values.autoscaling.minReplicas }}
  maxReplicas: {{ $values.autoscaling.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ $values.autoscaling.targetCPU }}
    {{- if and (eq .role "worker") $values.autoscaling.queueDepth.enabled }}
    - type: External
      external:
        metric:
          name: {{ $values.autoscaling.queueDepth.metricName }}
          {{- with $values.autoscaling.queueDepth.selector }}
          selector:
            {{- toYaml . | nindent 12 }}
          {{- end }}
        target:
          type: AverageValue
          averageValue: {{ $values.autoscaling.queueDepth.averageValue | quote }}
    {{- end }}
{{- end -}}
{{- end -}}
