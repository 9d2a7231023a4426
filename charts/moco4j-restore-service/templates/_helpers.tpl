{{- define "moco4j-restore-service.fullname" -}}
{{- if contains "moco4j-restore-service" .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name "moco4j-restore-service" | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "moco4j-restore-service.selectorLabels" -}}
app.kubernetes.io/name: moco4j-restore-service
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "moco4j-restore-service.labels" -}}
{{ include "moco4j-restore-service.selectorLabels" . }}
app.kubernetes.io/component: restore-service
app.kubernetes.io/part-of: moco4j
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}
