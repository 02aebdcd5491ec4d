{{/* One role's ClusterIP Service on its HTTP port and its metrics port. Call with (dict "root" $ "role" "api"). */}}
{{- define "parley.service" -}}
{{- $values := index .root.Values .role -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "parley.roleName" . }}
  namespace: {{ .root.Release.Namespace }}
  labels:
    {{- include "parley.roleLabels" . | nindent 4 }}
  {{- $annotations := merge (deepCopy $values.service.annotations) .root.Values.commonAnnotations }}
  {{- with $annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  type: ClusterIP
  selector:
    {{- include "parley.roleSelectorLabels" . | nindent 4 }}
  ports:
    - name: http
      port: {{ $values.service.port }}
      targetPort: http
      protocol: TCP
    - name: metrics
      port: {{ .root.Values.metrics.port }}
      targetPort: metrics
      protocol: TCP
{{- end -}}
